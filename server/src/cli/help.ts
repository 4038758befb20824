// --help: every flag, one line each.
export const HELP = `Usage: smslint [options] [files, folders or globs…]
       smslint cost [options] [files, folders or globs…]
       smslint budget [options] FORECAST.yaml

Lints SMS templates, locale strings and source literals for encoding, segments and cost.
With no paths, checks every file the config selects under the current folder
(node_modules, .git, dist, build, out and coverage are skipped). A file named cost or
budget is written ./cost.

Lint options:
  -f, --format <name>       stylish (default), json, sarif or github
      --fix                 apply the safe fixes and write the files (atomically)
      --fix-dry-run         print the fixes as a diff; write nothing
      --stdin               lint standard input (with --fix: print the fixed text)
      --stdin-filename <p>  the path standard input stands for (config, file type)
      --max-warnings <n>    exit 1 when there are more than n warnings
  -q, --quiet               report errors only
      --list-rules          list the rules with their default severities

Cost and config:
  -c, --config <path>       use this config file instead of looking for one
      --profile <name>      pricing profile (quo, textspot or one from the config)
      --country <cc>        destination country, e.g. US or GB
      --recipients <n>      recipients per message
  cost: -f table (default), json or csv; budget: -f table (default) or json

Output:
      --color, --no-color   force colours on or off (default: on for a terminal
                            unless NO_COLOR is set)
      --no-progress         never show the progress bar (shown on a terminal for long runs)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found or more warnings than
--max-warnings, 2 usage, config or I/O failure.
`;
