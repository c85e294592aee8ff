# R forecast::ets() fitted with each explicit model (restrict = TRUE's allowed combinations, damped and not) on the
# training part of M3-format series: the reference side of ets-fitcheck (Pace's optimum against R's, model by model).
# usage: Rscript ets_r_models.R M3_FILE.csv SEASON [MAX] [OUT.csv]
# Writes per series and model: log-likelihood, AICc, and parameters (alpha beta gamma phi) as R reports them.
suppressPackageStartupMessages(library(forecast))
a <- commandArgs(TRUE); d <- read.csv(a[1], stringsAsFactors = FALSE); M <- as.integer(a[2])
ids <- unique(d$series_id); if (length(a) >= 3 && a[3] != "") ids <- head(ids, as.integer(a[3]))
out <- if (length(a) >= 4) a[4] else "r_models.csv"
seasons <- if (M > 1) c("N", "A", "M") else "N"
rows <- list()
for (id in ids) {
  s <- d[d$series_id == id, ]; x <- ts(s$value[s$split == "train"], frequency = M)
  for (e in c("A", "M")) for (t in c("N", "A", "M")) for (se in seasons) for (dp in c(FALSE, TRUE)) {
    if (t == "N" && dp) next
    if ((e == "A" && (t == "M" || se == "M")) || (e == "M" && t == "M" && se == "A")) next
    code <- paste0(e, t, if (dp) "d" else "", se)
    fit <- tryCatch(ets(x, model = paste0(e, t, se), damped = dp), error = function(err) NULL)
    if (is.null(fit)) next
    p <- fit$par
    g <- function(n) if (n %in% names(p)) unname(p[[n]]) else NA
    rows[[length(rows) + 1]] <- data.frame(series_id = id, model = code, loglik = fit$loglik, aicc = fit$aicc,
      alpha = g("alpha"), beta = g("beta"), gamma = g("gamma"), phi = g("phi"))
  }
}
write.csv(do.call(rbind, rows), out, row.names = FALSE)
