// Runs only in browsers without JavaScript modules (<script nomodule>), which cannot run the
// app: shows the page's message saying so. ES5 on purpose.
var boot = document.getElementById('aclf-boot');
if (boot) boot.removeAttribute('hidden');
