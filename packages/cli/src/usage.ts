export const VERSION = '0.1.0';

export const USAGE = `Usage:
  devsecops report [options] FILE...
  devsecops scan [options] [PATH]

report aggregates SARIF files from any tools into one deduplicated report, as the report
action does on a pull request. FILE may be a file, a folder (every *.sarif file below it)
or a glob pattern in quotes.

scan runs the scanner actions' engines on PATH (default: the current directory) and
prints the same report.

Options for both:
  --format FORMAT     text, markdown, json or sarif (default: text)
  --output FILE       write the report to FILE instead of standard output
  --fail-on LEVEL     critical, high, medium, low, info or none (default: the config
                      file's fail-on, else high)
  --workspace DIR     repository root that report paths are resolved against
                      (default: the current directory)
  --config FILE       config file (default: .github/devsecops.yml in the workspace)
  --color, --no-color force colour on or off in text output

Options for report:
  --baseline FILE     baseline file of fingerprints; findings in it count as existing
  --write-baseline FILE  write the current findings' fingerprints to FILE as a baseline

Options for scan:
  --only LIST         scanners to run, comma-separated (default: all built in)
  --engines LIST      engines to run, comma-separated (default: each scanner's defaults)
  --report-files GLOB read a report another tool wrote; repeat for more
  --mode, --base, --head, --frameworks VALUE
                      scanner settings, as the actions' inputs of the same names
  --setting NAME=VALUE  any other scanner setting; repeatable
  --no-progress       no progress line on standard error

  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 when the policy passes, 1 when findings at or above --fail-on are
present, 2 for a usage error or when any input could not be read or engine failed.
`;
