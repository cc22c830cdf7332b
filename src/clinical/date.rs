//! Calendar dates as typed in an `<input type=date>` (YYYY-MM-DD), without time or time zone,
//! and whole calendar days between two of them (SPEC section 2, "mean daily TBIL rise").
//! "Today" is always passed in by the caller; nothing here reads a clock.

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form YYYY-MM-DD, or no such day (e.g. 2026-02-30).
    NotADate,
}

impl Date {
    /// 1970-01-01, day zero of [`Date::day_number`].
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A date from its parts, if that day exists.
    #[must_use]
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses "YYYY-MM-DD" (what a date input's `value` holds). Empty text is `Ok(None)`.
    ///
    /// ```
    /// use aclf_screen::clinical::date::Date;
    /// let d = Date::parse("2026-11-25").unwrap().unwrap();
    /// let e = Date::parse("2026-11-23").unwrap().unwrap();
    /// assert_eq!(d.days_since(e), 2);
    /// ```
    pub fn parse(text: &str) -> Result<Option<Date>, DateError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::NotADate);
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || ![y, m, d].iter().all(|s| all_digits(s))
        {
            return Err(DateError::NotADate);
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(DateError::NotADate);
        };
        Date::from_ymd(y, m, d).map(Some).ok_or(DateError::NotADate)
    }

    /// Days since 1970-01-01 (negative before it); Howard Hinnant's days_from_civil.
    #[must_use]
    pub fn day_number(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole calendar days from `earlier` to `self` (negative if `earlier` is later).
    #[must_use]
    pub fn days_since(&self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// The date as YYYY-MM-DD.
    #[must_use]
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap().unwrap()
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2000-03-01").day_number(), 11_017);
    }

    #[test]
    fn days_cross_month_year_and_leap_day() {
        assert_eq!(d("2024-03-01").days_since(d("2024-02-28")), 2);
        assert_eq!(d("2023-03-01").days_since(d("2023-02-28")), 1);
        assert_eq!(d("2027-01-02").days_since(d("2026-12-30")), 3);
        assert_eq!(d("2026-11-20").days_since(d("2026-11-25")), -5);
    }

    #[test]
    fn empty_is_none_and_bad_text_is_an_error() {
        assert_eq!(Date::parse(""), Ok(None));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-25",
            "2026/11/25",
            "2026-1-5",
            "x",
            "2026-11-25-1",
            "+026-11-25",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::NotADate), "{bad}");
        }
    }

    #[test]
    fn iso_round_trips() {
        assert_eq!(d("2026-02-03").iso(), "2026-02-03");
    }
}
