package cn.hunan.hrss.employmenthub.operations;

/** The text {@code --help} prints, per command. */
public final class Help {

    private Help() {
    }

    public static String text(String command) {
        return switch (command) {
            case "check-config" -> """
                    check-config [--config-dir=DIR] [--connect]
                      Validates every file under jobs-config/ (default: ./jobs-config) without running anything:
                      unknown or missing keys, wrong types, unknown entities, fields and code tables, unreadable
                      paths, unknown division codes, unset ${ENV} references. Exit 0 when usable, 2 otherwise,
                      naming each file and key. --connect also reaches every enabled source and checks that every
                      mapped column is there: a table's or query's columns (no row read), a file's headers, the
                      paths of a JSON file's first records.""";
            case "discover" -> """
                    discover (--jdbc-url=URL [--user=U] [--password-env=VAR] [--table=T,...] | --file=PATH[,PATH...]
                              | --source=ID) [--entity=E] [--id=ID] [--region=CODE] [--out=DIR]
                      Looks at a new source (a database's tables, or files: CSV, XLSX, JSON) and writes a draft of its
                      jobs-config YAML: encoding, delimiter, title and header rows detected; each table or file an
                      entity item with the entity its columns fit; each column mapped to the canonical field its name
                      or values make evident (身份证号, sfzh, certNo, valid ID numbers → id_number; dates by their
                      pattern), the rest listed in comments with sample values (masked) for a person to decide. TODO
                      marks what only a person can say (id, region, credentials): check-config refuses the draft
                      until they are filled in.""";
            case "preview" -> """
                    preview --source=ID [--limit=N] [--entity=ENTITY] [--date=YYYY-MM-DD]
                      Reads the first N records (default 20) of each entity of one source through its mapping,
                      standardises and validates them as the night would, and prints each canonical record, masked,
                      with every rule it breaks and where it is (file:line, or file#sheet:row, and its key), then a
                      count per rule. Writes nothing; needs no warehouse. What only the merge can tell (a person that
                      has not arrived, matching) is the night's.""";
            case "nightly" -> """
                    nightly [--date=YYYY-MM-DD] [--rerun [--reason=TEXT]] [--config-dir=DIR]
                      Runs the nightly integration for the given business date (default: yesterday in the schedule's
                      time zone, Asia/Shanghai unless defaults.yml says otherwise): checks the
                      config, extracts what changed in every enabled source since its watermark, standardises,
                      validates, quarantines, merges golden records, reconciles, rebuilds the marts, then advances
                      the watermarks. Prints the per-source summary. Exit 0 on success, 1 on failure, 3 when some
                      sources failed their error limits and the others loaded (PARTIAL). A completed date is left
                      alone; --rerun reads it again as a new run, recorded in the admin history with --reason.
                      Warehouse: WAREHOUSE_JDBC_URL / WAREHOUSE_USERNAME / WAREHOUSE_PASSWORD (default: embedded H2
                      in ./data). Personal-data keys: HUB_PII_KEY and HUB_MATCH_KEY (base64, 32+ bytes each).""";
            case "generate" -> """
                    generate --out=DIR [--counties=N] [--persons=N] [--seed=N] [--source-db-url=JDBC_URL] [--profile=P]
                             [--defects=fuzz] [--vendor-keys] [--walk-in-books] [--hard-walk-ins]
                      Writes synthetic source systems for N real Hunan counties in all four kinds (county database,
                      GBK CSV and XLSX station registers, gig-market NDJSON, online-platform JSON), messy as real
                      ones, with DIR/jobs-config/ describing them and DIR/truth.json holding what a correct run must
                      produce. Defaults: 3 counties, 300 persons per county, seed 42. County databases go to
                      --source-db-url when given, else to H2 script files in DIR. Same seed, same files.
                      --profile=province-2023: all 134 counties, calibrated so that `report --year=2023` gives the
                      seed article's end-2023 figures (platform coverage, 25,000 officers, 93 provincial experts,
                      617 specialists, 2,216 key enterprises, 27,600 recruits, 2,456 agencies, 61.83 亿元 +31.7%,
                      7.138 million served); persons scale with --persons.
                      --defects=fuzz adds six hostile sources, one of each kind, with more than 10,000 hostile records;
                      truth.json "fuzz" names every record that must be quarantined, by file, line and rule.
                      --vendor-keys: the county platforms' services and placements, and the station service ledgers,
                      name a person the platform has by its key alone (refs:); gig work dates are ISO-8601 with an
                      offset. --walk-in-books: the walk-ins are workbooks of twelve monthly sheets with residences
                      written as village names, a source of their own. --hard-walk-ins: one in ten persons walks in
                      with two or three mistakes at once, among decoys sharing a name, a birth date or a phone;
                      truth.json names each walk-in's mistakes (matches --truth prints a table by them).""";
            case "benchmark" -> """
                    benchmark [--persons=N] [--counties=N] [--seed=N] [--delta-per-mille=N] [--history-nights=N]
                              [--memory-persons=N] [--memory-counties=N] [--out=DIR]
                      Measures a night against the physical limit, on the MySQL-family warehouse named by
                      WAREHOUSE_JDBC_URL, which must be an empty database: generates N persons (default 1,000,000)
                      with their county databases on the same server; loads as many landing-shaped rows with
                      LOAD DATA LOCAL INFILE (the limit) and with a plain Spring Batch chunk step, before and after
                      the nights; runs the night from the empty warehouse to finished marts as nightly with -Xmx1g
                      in a process of its own (and reads its peak RSS); the next night, with nothing new; a night
                      after N per mille (default 10) of the records changed (delta); and that again after
                      --history-nights (default 30) such nights; then the first night of --memory-persons (default
                      5,000,000; 0 skips it) in --memory-counties (default: as many persons per county) in a
                      warehouse of its own, as nightly -Xmx1g, for its peak RSS. Prints rows per second, seconds and
                      the ratios full/limit, full/plain, delta/full, history/delta and RSS of the larger night over
                      the full night's, and writes DIR/benchmark.json.""";
            case "rules" -> """
                    rules
                      Lists the validation rules: code, severity (error quarantines, warning loads and flags, park holds
                      a record until what it refers to arrives), the entities it applies to, and what it catches.""";
            case "audit" -> """
                    audit [--run=ID] [--out=DIR]
                      Writes the data-quality report of a run (default: the latest that read anything) to DIR
                      (default audit/run-ID):
                      audit.html, self-contained (charts as inline SVG, no network), and sources.csv, rules.csv,
                      samples.csv (up to 20 masked records per rule, with file and line), trend.csv (last 30 runs).""";
            case "marts" -> """
                    marts --rebuild
                      Rebuilds every mart table for every county (each nightly run refreshes only the counties its
                      changes touched). Each mart file runs in one transaction: a mart is never left half-written.""";
            case "report" -> """
                    report [--year=YYYY] [--as-of=YYYY-MM-DD] [--out=FILE]
                      Prints the province's headline table for a year (default: last year) from the marts: platform
                      coverage, employment officers, career-guidance experts, liaison specialists and key
                      enterprises, HR service agencies, 311 service, placements; writes it as CSV (default
                      report-YYYY.csv). --as-of counts persons by their situation on that date (type-2 history) and
                      only the services and placements dated up to it.""";
            case "matches", "split", "accept" -> """
                    matches [--review] [--limit=N] [--weights [--run=N]] [--truth=FILE]
                      Lists what matching decided for persons registered without an ID number: merged or left for
                      review, with the match weight, probability, the blocks that found the person and the weight of
                      each comparison, newest first. --weights prints the model a night decided with (m, u and weight
                      of each comparison level, the prior) and the candidate pairs of each block. With --truth (a
                      truth.json written by generate), measures matching instead: pairwise precision and recall by
                      mistake combination, the true matches each block found alone, and the records it got wrong.
                    split --source=ID --key=KEY [--reason=TEXT]
                      Undoes such a merge: the record waits for matching again and never joins that person again.
                    accept --source=ID --key=KEY [--reason=TEXT]
                      Accepts the person a review suggested; the next night merges the record.""";
            case "rotate-key" -> """
                    rotate-key [--reason=TEXT]
                      Re-encrypts every stored ID number, phone and landed record from HUB_PII_KEY_PREVIOUS (the old
                      key) to HUB_PII_KEY (the new one). Keyed hashes, and so matching, do not change (HUB_MATCH_KEY
                      stays). Can be interrupted and run again.""";
            case "serve" -> """
                    serve [--config-dir=DIR]
                      Runs as a service: first the nights missed while it was down (defaults.yml
                      schedule.catch-up-days, default 3), then the night on schedule.cron in schedule.zone (default
                      '0 0 2 * * *', Asia/Shanghai) for yesterday in that zone. Two instances against one warehouse
                      never run a night twice: the one that finds the warehouse lock held logs it. SIGTERM stops a
                      running night at a chunk boundary (resumed by the next start) and ends the service.""";
            case "worker" -> """
                    worker [--threads=N]
                      Takes the extract's partitions from the broker (SPRING_RABBITMQ_HOST, _PORT, _USERNAME,
                      _PASSWORD) and runs them against the shared warehouse (WAREHOUSE_JDBC_URL, the same keys as the
                      manager), N at a time (default 1), until SIGTERM. A nightly, reprocess or serve started with a
                      broker configured sends its partitions there instead of reading them itself; the merges and the
                      marts stay on it. Workers may join and leave at any time; one killed in the middle of a
                      partition leaves it failed, and the next nightly of that date runs only what is unfinished.""";
            case "reprocess" -> """
                    reprocess --source=ID | --county=CODE [--entity=E] [--from=YYYY-MM-DD --to=YYYY-MM-DD]
                              --reason=TEXT [--dry-run]
                      Reads a source, or every source of a county, again: the scope forgets what it read (files,
                      watermarks from --from on), then each business date of the range (default: the latest
                      night's) gets a restartable run of its own that reads only the scope; a date never run is
                      backfilled with a whole night. --dry-run does the same on a scratch copy of the warehouse and
                      prints what each table would gain, change and lose; the warehouse is not written.""";
            case "history" -> """
                    history [--limit=N]
                      Lists the admin actions, latest first (default 50): who (HUB_ACTOR or the operating-system user
                      of a command), when, what, on what, why (--reason) and the outcome of every rerun, split,
                      accept, recovery, key rotation, and every jobs-config change seen when a night starts.""";
            case "hash-password" -> """
                    hash-password
                      Reads a password (without echo on a terminal, else one line of standard input) and prints its
                      {bcrypt} hash, for HUB_USERS=name:{bcrypt}hash:ROLE[,ROLE];... (roles ADMIN and AUDITOR).""";
            case "recover" -> """
                    recover [--reason=TEXT]
                      Marks the runs whose process died as failed, so that the next nightly resumes them.""";
            case "status" -> """
                    status
                      Shows the last runs, the reconciliation of the latest run and the size of every golden table.""";
            default -> """
                    employment-hub: nightly integration of Hunan's grassroots public employment service data.

                    usage: java -jar target/employment-hub.jar COMMAND [--option=value ...]

                    commands:
                      check-config   validate jobs-config/ and exit
                      nightly        run the nightly integration (extract, validate, merge, marts)
                      serve          run the nightly on its schedule (defaults.yml), catching up missed nights
                      reprocess      read a source or a county again (by entity, date range), --dry-run first
                      worker         take the extract's partitions from RabbitMQ (running on several machines)
                      generate       write synthetic source systems, their jobs-config and truth.json
                      status         show recent runs and warehouse sizes
                      history        list admin actions: who, when, what, why
                      recover        mark runs whose process died as failed
                      rules          list the validation rules
                      audit          write a run's data-quality report (HTML and CSV)
                      marts          rebuild every mart table (--rebuild)
                      report         print the province's headline table for a year
                      matches        list merges and reviews of persons without an ID number
                      split, accept  undo a merge, or accept a reviewed match
                      rotate-key     re-encrypt personal data with a new HUB_PII_KEY
                      hash-password  make a password hash for HUB_USERS (serve's API and console)
                      help           this text; COMMAND --help for one command

                    every command accepts --config-dir=DIR (default: jobs-config in the working directory).""";
        };
    }
}
