//! With `TL_MACRO_TIMINGS` set in the compiler's environment, `tl!` prints how long each phase
//! of its own work took (stderr, shown by Cargo for a failing build or with `-vv`).

pub struct Timings {
    start: Option<std::time::Instant>,
}

impl Timings {
    pub fn start() -> Self {
        Timings {
            start: std::env::var_os("TL_MACRO_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    pub fn lap(&self, what: &str) {
        if let Some(start) = self.start {
            eprintln!(
                "tl!: {what}: done at {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
