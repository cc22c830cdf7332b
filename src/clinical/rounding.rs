//! Half-up rounding with a tolerance for binary error (SPEC section 4).
//!
//! OPTN rounds half up ("rounded to the tenth decimal place"), not to even. A decimal tie such
//! as 0.285 is stored as 0.28499999999999998; scaled by 10 it becomes 2.8499999999999996 and a
//! plain floor(x + 0.5) would round it down. Adding 1e-9 before flooring keeps every true
//! decimal tie a tie while moving no value that is more than 1e-9 away from one.

/// The tolerance added before flooring (SPEC section 4).
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Rounds `x` half-up to `decimals` places (0 gives an integer).
///
/// ```
/// use aclf_screen::clinical::rounding::round_half_up;
/// assert_eq!(round_half_up(2.845, 2), 2.85);
/// assert_eq!(round_half_up(29.5, 0), 30.0);
/// assert_eq!(round_half_up(2.45, 1), 2.5);
/// ```
#[must_use]
pub fn round_half_up(x: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (x * scale + 0.5 + TIE_TOLERANCE).floor() / scale
}

/// Truncates toward zero to `decimals` places (with the same 1e-9 tolerance as
/// [`round_half_up`], so that 29.5 stored as 29.4999999999 still reads 29.50): the borderline
/// MELD is shown truncated, never rounded, so 29.4963 never reads "29.50, reported 29" (SPEC 4).
#[must_use]
pub fn truncate(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f + 1e-9).trunc() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_round_up_not_to_even() {
        // Banker's rounding would give 2, 2.4 and 0.2 here.
        assert_eq!(round_half_up(2.5, 0), 3.0);
        assert_eq!(round_half_up(2.45, 1), 2.5);
        assert_eq!(round_half_up(0.25, 1), 0.3);
    }

    #[test]
    fn binary_error_does_not_flip_a_tie() {
        // 0.285 * 10 = 2.8499999999999996 in f64: a plain floor(x + 0.5) gives 2.
        let scaled = std::hint::black_box(0.285_f64) * 10.0;
        assert!(scaled < 2.85, "the binary error this rule exists for");
        assert_eq!(round_half_up(scaled, 0), 3.0);
        assert_eq!(round_half_up(0.285, 2), 0.29);
        assert_eq!(round_half_up(1.005, 2), 1.01);
    }

    #[test]
    fn values_below_a_tie_round_down() {
        assert_eq!(round_half_up(2.4999, 0), 2.0);
        assert_eq!(round_half_up(2.94, 1), 2.9);
        assert_eq!(round_half_up(29.49, 0), 29.0);
    }

    #[test]
    fn values_just_above_a_whole_number_stay() {
        assert_eq!(round_half_up(30.0, 0), 30.0);
        assert_eq!(round_half_up(3.0, 1), 3.0);
    }

    #[test]
    fn truncation_never_rounds_up() {
        assert_eq!(truncate(29.4963, 2), 29.49);
        assert_eq!(truncate(28.619, 2), 28.61);
        assert_eq!(truncate(30.2777, 2), 30.27);
        assert_eq!(truncate(29.5, 2), 29.5);
    }
}
