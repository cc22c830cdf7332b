//! Laboratory quantities that carry their unit, and the conversion factors between SI and
//! conventional units (SPEC section 4; the factors are the molar masses: bilirubin 584.7 g/mol
//! gives 17.1 umol/L per mg/dL, creatinine 113.12 g/mol gives 88.4 umol/L per mg/dL).
//!
//! A value keeps the unit the user typed it in; the formulas ask for the unit they need through
//! an explicit getter, so a value in the wrong unit cannot reach a formula unnoticed.

/// umol/L of bilirubin in 1 mg/dL (SPEC section 4).
pub const BILIRUBIN_UMOL_PER_MG_DL: f64 = 17.1;
/// umol/L of creatinine in 1 mg/dL (SPEC section 4).
pub const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;
/// g/L of albumin in 1 g/dL (1 dL = 0.1 L).
pub const ALBUMIN_G_L_PER_G_DL: f64 = 10.0;
/// mmHg in 1 kPa (SPEC section 11): 1000 Pa / 133.322 387 415 Pa per mmHg, to 6 figures.
pub const MMHG_PER_KPA: f64 = 7.50062;

/// Unit of a bilirubin or creatinine result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MolarUnit {
    /// Micromoles per litre: the SI unit printed on Chinese lab reports (the default).
    #[default]
    UmolPerL,
    /// Milligrams per decilitre: the conventional unit the MELD formulas are written in.
    MgPerDl,
}

/// Unit of an albumin result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AlbuminUnit {
    /// Grams per litre: SI, the default.
    #[default]
    GPerL,
    /// Grams per decilitre: conventional, used by MELD 3.0.
    GPerDl,
}

/// Unit of an arterial oxygen partial pressure (PaO2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PressureUnit {
    /// Millimetres of mercury: the unit of the CLIF-C OF table (the default).
    #[default]
    MmHg,
    /// Kilopascals: printed by many blood-gas analysers.
    KPa,
}

/// The unit a field is entered in; used by the parser (to accept a matching trailing unit)
/// and by the plausibility table (to convert limits for display).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldUnit {
    /// umol/L.
    UmolPerL,
    /// mg/dL.
    MgPerDl,
    /// g/L.
    GPerL,
    /// g/dL.
    GPerDl,
    /// mmol/L (sodium; mEq/L is the same number for a monovalent ion).
    MmolPerL,
    /// Percent (prothrombin activity).
    Percent,
    /// Dimensionless ratio (INR).
    Ratio,
    /// Whole years (age).
    Years,
    /// Millimetres of mercury (MAP, PaO2).
    MmHg,
    /// Kilopascals (PaO2).
    KPa,
    /// 10^9 cells per litre (white cell count; the same number as 10^3/µL).
    GigaPerL,
}

impl From<MolarUnit> for FieldUnit {
    fn from(u: MolarUnit) -> Self {
        match u {
            MolarUnit::UmolPerL => FieldUnit::UmolPerL,
            MolarUnit::MgPerDl => FieldUnit::MgPerDl,
        }
    }
}

impl From<PressureUnit> for FieldUnit {
    fn from(u: PressureUnit) -> Self {
        match u {
            PressureUnit::MmHg => FieldUnit::MmHg,
            PressureUnit::KPa => FieldUnit::KPa,
        }
    }
}

impl From<AlbuminUnit> for FieldUnit {
    fn from(u: AlbuminUnit) -> Self {
        match u {
            AlbuminUnit::GPerL => FieldUnit::GPerL,
            AlbuminUnit::GPerDl => FieldUnit::GPerDl,
        }
    }
}

/// Declares a lab quantity stored in the unit it was entered in, with SI and conventional
/// getters. One small macro instead of three hand-copied impls keeps the conversions uniform.
macro_rules! molar_quantity {
    ($(#[$doc:meta])* $name:ident, $factor:ident, $si_ctor:ident, $conv_ctor:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name {
            value: f64,
            unit: MolarUnit,
        }

        impl $name {
            /// A value entered in umol/L.
            #[must_use]
            pub const fn $si_ctor(value: f64) -> Self {
                Self { value, unit: MolarUnit::UmolPerL }
            }
            /// A value entered in mg/dL.
            #[must_use]
            pub const fn $conv_ctor(value: f64) -> Self {
                Self { value, unit: MolarUnit::MgPerDl }
            }
            /// A value in the given unit.
            #[must_use]
            pub const fn new(value: f64, unit: MolarUnit) -> Self {
                Self { value, unit }
            }
            /// The number as entered.
            #[must_use]
            pub const fn entered(&self) -> f64 {
                self.value
            }
            /// The unit it was entered in.
            #[must_use]
            pub const fn unit(&self) -> MolarUnit {
                self.unit
            }
            /// The value in umol/L.
            #[must_use]
            pub fn umol_per_l(&self) -> f64 {
                match self.unit {
                    MolarUnit::UmolPerL => self.value,
                    MolarUnit::MgPerDl => self.value * $factor,
                }
            }
            /// The value in mg/dL.
            #[must_use]
            pub fn mg_per_dl(&self) -> f64 {
                match self.unit {
                    MolarUnit::UmolPerL => self.value / $factor,
                    MolarUnit::MgPerDl => self.value,
                }
            }
        }
    };
}

molar_quantity!(
    /// Serum total bilirubin.
    Bilirubin, BILIRUBIN_UMOL_PER_MG_DL, from_umol_per_l, from_mg_per_dl
);
molar_quantity!(
    /// Serum creatinine.
    Creatinine, CREATININE_UMOL_PER_MG_DL, from_umol_per_l, from_mg_per_dl
);

/// Serum albumin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Albumin {
    value: f64,
    unit: AlbuminUnit,
}

impl Albumin {
    /// A value entered in g/L.
    #[must_use]
    pub const fn from_g_per_l(value: f64) -> Self {
        Self {
            value,
            unit: AlbuminUnit::GPerL,
        }
    }
    /// A value entered in g/dL.
    #[must_use]
    pub const fn from_g_per_dl(value: f64) -> Self {
        Self {
            value,
            unit: AlbuminUnit::GPerDl,
        }
    }
    /// A value in the given unit.
    #[must_use]
    pub const fn new(value: f64, unit: AlbuminUnit) -> Self {
        Self { value, unit }
    }
    /// The number as entered.
    #[must_use]
    pub const fn entered(&self) -> f64 {
        self.value
    }
    /// The unit it was entered in.
    #[must_use]
    pub const fn unit(&self) -> AlbuminUnit {
        self.unit
    }
    /// The value in g/L.
    #[must_use]
    pub fn g_per_l(&self) -> f64 {
        match self.unit {
            AlbuminUnit::GPerL => self.value,
            AlbuminUnit::GPerDl => self.value * ALBUMIN_G_L_PER_G_DL,
        }
    }
    /// The value in g/dL.
    #[must_use]
    pub fn g_per_dl(&self) -> f64 {
        match self.unit {
            AlbuminUnit::GPerL => self.value / ALBUMIN_G_L_PER_G_DL,
            AlbuminUnit::GPerDl => self.value,
        }
    }
}

/// Serum sodium in mmol/L (= mEq/L).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sodium(pub f64);

impl Sodium {
    /// The value in mmol/L.
    #[must_use]
    pub const fn mmol_per_l(&self) -> f64 {
        self.0
    }
}

/// International normalised ratio of prothrombin time (dimensionless).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inr(pub f64);

/// Prothrombin time activity, percent of normal (PTA, used in Chinese guidelines).
/// There is no valid conversion between PTA and INR; they are separate inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pta(pub f64);

/// Age in whole years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Age(pub u32);

/// White blood cell count, 10^9/L (CLIF-C ACLF, CLIF-C AD).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wbc(pub f64);

/// Mean arterial pressure, mmHg (CLIF-C OF circulation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeanArterialPressure(pub f64);

/// Peripheral oxygen saturation, % (CLIF-C OF respiration without a blood gas).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spo2(pub f64);

/// Fraction of inspired oxygen, entered in % (21 on room air).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fio2(pub f64);

impl Fio2 {
    /// FiO2 in % as entered.
    #[must_use]
    pub const fn percent(&self) -> f64 {
        self.0
    }
    /// FiO2 as a fraction (0.21 on room air): the ratios divide by this.
    #[must_use]
    pub fn fraction(&self) -> f64 {
        self.0 / 100.0
    }
}

/// Blood lactate, mmol/L (AARC).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lactate(pub f64);

/// Arterial oxygen partial pressure, kept in the unit it was entered in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pao2 {
    value: f64,
    unit: PressureUnit,
}

impl Pao2 {
    /// A value entered in mmHg.
    #[must_use]
    pub const fn from_mmhg(value: f64) -> Self {
        Self {
            value,
            unit: PressureUnit::MmHg,
        }
    }
    /// A value entered in kPa.
    #[must_use]
    pub const fn from_kpa(value: f64) -> Self {
        Self {
            value,
            unit: PressureUnit::KPa,
        }
    }
    /// A value in the given unit.
    #[must_use]
    pub const fn new(value: f64, unit: PressureUnit) -> Self {
        Self { value, unit }
    }
    /// The number as entered.
    #[must_use]
    pub const fn entered(&self) -> f64 {
        self.value
    }
    /// The unit it was entered in.
    #[must_use]
    pub const fn unit(&self) -> PressureUnit {
        self.unit
    }
    /// The value in mmHg.
    #[must_use]
    pub fn mmhg(&self) -> f64 {
        match self.unit {
            PressureUnit::MmHg => self.value,
            PressureUnit::KPa => self.value * MMHG_PER_KPA,
        }
    }
    /// The value in kPa.
    #[must_use]
    pub fn kpa(&self) -> f64 {
        match self.unit {
            PressureUnit::MmHg => self.value / MMHG_PER_KPA,
            PressureUnit::KPa => self.value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilirubin_factor_is_its_molar_mass() {
        // 1 mg/dL = 10 mg/L; 10 mg/L / 584.66 g/mol = 17.10 umol/L.
        assert!((10_000.0 / 584.66 - BILIRUBIN_UMOL_PER_MG_DL).abs() < 0.01);
    }

    #[test]
    fn creatinine_factor_is_its_molar_mass() {
        // 10 mg/L / 113.12 g/mol = 88.40 umol/L.
        assert!((10_000.0 / 113.12 - CREATININE_UMOL_PER_MG_DL).abs() < 0.01);
    }

    #[test]
    fn bilirubin_171_umol_is_10_mg() {
        let b = Bilirubin::from_umol_per_l(171.0);
        assert!((b.mg_per_dl() - 10.0).abs() < 1e-12);
        assert_eq!(Bilirubin::from_mg_per_dl(10.0).umol_per_l(), 171.0);
    }

    #[test]
    fn creatinine_converts_both_ways() {
        assert!((Creatinine::from_umol_per_l(353.6).mg_per_dl() - 4.0).abs() < 1e-12);
        assert!((Creatinine::from_mg_per_dl(1.0).umol_per_l() - 88.4).abs() < 1e-12);
    }

    #[test]
    fn albumin_g_per_l_is_ten_times_g_per_dl() {
        assert_eq!(Albumin::from_g_per_l(35.0).g_per_dl(), 3.5);
        assert_eq!(Albumin::from_g_per_dl(3.5).g_per_l(), 35.0);
    }

    #[test]
    fn value_keeps_the_unit_it_was_entered_in() {
        let b = Bilirubin::from_mg_per_dl(2.5);
        assert_eq!(b.entered(), 2.5);
        assert_eq!(b.unit(), MolarUnit::MgPerDl);
    }

    #[test]
    fn kpa_factor_is_the_pascals_in_a_millimetre_of_mercury() {
        // 1 mmHg = 13.5951 g/cm3 x 9.80665 m/s2 x 1 mm = 133.322387415 Pa (BIPM SI brochure).
        let mmhg_in_pa = 133.322_387_415;
        assert!((1000.0 / mmhg_in_pa - MMHG_PER_KPA).abs() < 5e-6);
    }

    #[test]
    fn pao2_converts_both_ways_and_keeps_its_unit() {
        let p = Pao2::from_kpa(8.0);
        assert!((p.mmhg() - 60.004_96).abs() < 1e-9);
        assert_eq!(p.entered(), 8.0);
        assert_eq!(p.unit(), PressureUnit::KPa);
        assert!((Pao2::from_mmhg(75.0062).kpa() - 10.0).abs() < 1e-12);
        assert_eq!(PressureUnit::default(), PressureUnit::MmHg);
    }

    #[test]
    fn fio2_is_typed_in_percent_and_used_as_a_fraction() {
        assert_eq!(Fio2(21.0).fraction(), 0.21);
        assert_eq!(Fio2(100.0).fraction(), 1.0);
    }

    #[test]
    fn si_is_the_default_unit() {
        assert_eq!(MolarUnit::default(), MolarUnit::UmolPerL);
        assert_eq!(AlbuminUnit::default(), AlbuminUnit::GPerL);
    }
}
