# HP filter and classical decomposition against R.
# - `pace filter hp`: the trend solves (I + lambda D'D) x = y, D the (n-2) x n second-difference
#   matrix, here with Matrix's sparse solve() plus two steps of iterative refinement; one-sided:
#   the last value of the two-sided filter on y[1..t] for every t. Also checks the default lambda
#   (100 annual, 1600 quarterly, 129600 monthly). Trend and cycle differences are relative to
#   max|y| (of log y with --log).
# - `pace decompose --method classical`: stats::decompose(type = additive|multiplicative); trend,
#   seasonal and remainder (decompose's "random") each relative to the largest |value| of R's
#   component; missing values (the moving average's ends) must sit in the same places.
# usage: Rscript r_hp_decompose.R OUT_DIR CORES  -> OUT_DIR/hp_dec_cmp.json
suppressMessages({library(jsonlite); library(Matrix); library(parallel)})
args <- commandArgs(TRUE); out <- args[1]; cores <- as.integer(args[2])
hp <- function(y, lambda) {
  n <- length(y); if (n < 3) return(y)
  D <- bandSparse(n - 2, n, k = 0:2, diagonals = list(rep(1, n - 2), rep(-2, n - 2), rep(1, n - 2)))
  A <- Diagonal(n) + lambda * crossprod(D)
  x <- as.numeric(solve(A, y))
  for (i in 1:2) x <- x + as.numeric(solve(A, y - as.numeric(A %*% x)))
  x
}
stop_on_error <- function(res) { bad <- Filter(function(x) inherits(x, "try-error"), res); if (length(bad)) stop(bad[[1]]); res }
read_series <- function(id) read.csv(file.path(out, "series", paste0(id, ".csv")), colClasses = c("character", "character", "numeric"))
case_of <- function(f) sub("\\.json$", "", basename(f))
period_of <- function(p) if (grepl("Q", p)) 4 else if (grepl("-", p)) 12 else 1
hp_case <- function(f) {
  j <- fromJSON(f, simplifyVector = FALSE); if (j$rc != 0) return(list(kind = "hp", case = case_of(f), refused = TRUE))
  o <- fromJSON(j$stdout, simplifyVector = TRUE); d <- read_series(j$id)
  lambda <- as.numeric(o$provenance$parameters$lambda)
  expected <- if (j$lam == "default") c(`1` = 100, `4` = 1600, `12` = 129600)[[as.character(period_of(d$period[1]))]] else as.numeric(j$lam)
  y <- if (isTRUE(j$log)) log(d$value) else d$value
  trend <- if (j$side == "two") hp(y, lambda) else sapply(seq_along(y), function(t) tail(hp(y[1:t], lambda), 1))
  sc <- max(abs(y))
  list(kind = "hp", case = case_of(f), side = j$side, refused = FALSE, lambda_ok = lambda == expected,
       trend = max(abs(o$rows$trend - trend)) / sc, cycle = max(abs(o$rows$cycle - (y - trend))) / sc)
}
dec_case <- function(f) {
  j <- fromJSON(f, simplifyVector = FALSE); d <- read_series(j$id)
  dc <- tryCatch(decompose(ts(d$value, frequency = period_of(d$period[1])), type = j$type), error = function(e) NULL)
  if (j$rc != 0) return(list(kind = "dec", case = case_of(f), refused = TRUE, r_error = is.null(dc)))
  o <- fromJSON(j$stdout, simplifyVector = TRUE)
  cmp <- function(a, b) {
    b <- as.numeric(b); a <- as.numeric(a); na <- is.na(b)
    if (length(a) != length(b) || any(xor(is.na(a), na))) return(Inf)
    max(abs(a[!na] - b[!na])) / max(abs(b[!na]))
  }
  list(kind = "dec", case = case_of(f), type = j$type, refused = FALSE, r_error = is.null(dc),
       trend = cmp(o$rows$trend, dc$trend), seasonal = cmp(o$rows$seasonal, dc$seasonal), remainder = cmp(o$rows$remainder, dc$random))
}
res <- c(stop_on_error(mclapply(Sys.glob(file.path(out, "pace", "hp", "*.json")), hp_case, mc.cores = cores)),
         lapply(Sys.glob(file.path(out, "pace", "dec", "*.json")), dec_case))
write_json(res, file.path(out, "hp_dec_cmp.json"), auto_unbox = TRUE, digits = NA, na = "null")
cat("r_hp_decompose.R:", length(res), "HP and decomposition runs compared\n")
