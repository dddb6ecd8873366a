package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the jobs-config entries that describe the generated source systems, as an operator would. */
final class ConfigWriter {

    private final Path configDir;

    /** Events of the county platform and the station ledgers name persons by the platform's key ({@code refs:}). */
    boolean vendorKeys;
    /** The walk-ins are a workbook source of their own ({@link #walkInBook}), not part of the station register. */
    boolean walkInBooks;

    ConfigWriter(Path configDir) {
        this.configDir = configDir;
    }

    /**
     * Shared defaults. The calibrated province keeps its injected defects for the audit but lifts the error limit:
     * with a handful of persons per county, a register's few defects are most of its rows.
     */
    void defaults(boolean calibrated) throws IOException {
        write("defaults.yml", """
                # Shared defaults for every source system (see README.md for every key).
                date-formats: [yyyy-MM-dd, yyyy/M/d, yyyy年M月d日, yyyyMMdd, yyyy-M-d, yyyy.M.d]
                error-limit: {count: %s, percent: %s}
                park-days: 7
                matching: {auto-merge-probability: 0.99, review-probability: 0.5}   # persons without ID number: README, Matching
                survivorship:                              # attributes whose best source is not the best record's
                  person:
                    phone: [online-platform]               # persons confirm their phone online by SMS
                    residence_region: ["*-station-register"]   # the village officer knows where they live
                chunk-size: 1000
                parallelism: 2
                """.formatted(calibrated ? "1000000" : "1000", calibrated ? "100" : "10"));
    }

    void countyPlatform(County c, String url, String prefix, String defaultUser) throws IOException {
        write("sources/" + c.code() + "/" + c.code() + "-county-platform.yml", """
                # %1$s 县级就业服务平台数据库 (county employment platform, read-only account).
                id: %2$s-county-platform
                name: %1$s就业服务平台
                kind: jdbc
                region: "%2$s"
                priority: 10                 # the county platform is the most trusted source
                connection:
                  url: "%3$s"
                  username: ${COUNTY_DB_USER:%5$s}
                  password: ${COUNTY_DB_PASSWORD:}
                entities:
                  - entity: station
                    table: %4$sjy_zd
                    updated-at: gxsj
                    key: zdbm
                    columns: {station_code: zdbm, name: zdmc, station_type: zdlx, region: qhdm, opened_on: clrq}
                  - entity: employer
                    table: %4$sjy_dw
                    updated-at: gxsj
                    key: dwbh
                    columns: {credit_code: tyshxydm, name: dwmc, region: szqh, industry: hydm, key_enterprise: zdqybz}
                  - entity: person
                    table: %4$sjy_ry
                    updated-at: gxsj
                    key: xh
                    columns:
                      name: xm
                      id_number: sfzh
                      gender: xb
                      birth_date: csrq
                      phone: lxdh
                      household_region: hjszd
                      residence_region: jzd
                      education: whcd
                      categories: rylb
                      registered_on: djrq
                      station_code: zdbm
                    constants: {channel: county_platform}
                  - entity: service
                    table: %4$sjy_fw
                    updated-at: gxsj
                    key: fwbh
                    columns: {person_id_number: sfzh, station_code: zdbm, staff_code: gh, service_type: fwlx, served_on: fwrq}%6$s
                  - entity: placement
                    table: %4$sjy_jy
                    updated-at: gxsj
                    key: jybh
                    columns:
                      person_id_number: sfzh
                      employer_credit_code: dwdm
                      employer_name: dwmc
                      started_on: rzrq
                      wage: gz
                      pay_period: xzzq
                      channel: qd
                      form: jyxs
                      insurance: sbbz
                      region: jyd
                    values:
                      channel: {基层平台: station, 县级平台: county_platform, 线上平台: online, 企业联络: liaison}%6$s
                """.formatted(c.name(), c.code(), url, prefix, defaultUser, vendorKeys
                ? "\n    refs: {person_id_number: {entity: person, key: ryxh}}   # a row without sfzh names its person by xh" : ""));
    }

    void stationRegister(County c) throws IOException {
        write("sources/" + c.code() + "/" + c.code() + "-station-register.yml", """
                # %1$s 基层平台登记台账: registers kept by community and village employment officers (GBK CSV).
                id: %2$s-station-register
                name: %1$s基层就业服务平台登记台账
                kind: csv
                region: "%2$s"
                priority: 30
                file:
                  encoding: GBK
                  delimiter: ","
                  header-row: 2              # row 1 is the register's title
                entities:
                  - entity: person
                    path: data/%2$s/register/persons-*.csv
                    skip-rows: {blank: true, column: 序号, pattern: "小计|合计"}
                    columns:
                      name: 姓名
                      gender: 性别
                      id_number: 身份证号
                      phone: 联系电话
                      education: 文化程度
                      categories: 人员类别
                      residence_region: 居住地代码
                      registered_on: 登记日期
                      station_code: 登记站点
                    constants: {channel: station}
                %4$s  - entity: service
                    path: data/%2$s/register/services-*.csv
                    columns: {person_id_number: 身份证号, service_type: 服务类型, served_on: 服务日期, station_code: 服务站点, staff_code: 工号}%3$s
                """.formatted(c.name(), c.code(), vendorKeys ? "\n    refs: {person_id_number: {entity: person, key: 人员序号, source: "
                + c.code() + "-county-platform}}" : "", walkInBooks ? "" : WALK_INS.formatted(c.code())));
    }

    private static final String WALK_INS = """
              - entity: person             # walk-ins noted without an ID number: matched by name, birth, phone
                path: data/%1$s/register/walkins-*.csv
                key: 序号
                columns: {name: 姓名, gender: 性别, birth_date: 出生日期, phone: 联系电话, residence_region: 居住地代码,
                          household_region: 户籍地代码, registered_on: 登记日期}
                constants: {channel: station}
            """;

    /** The stations' walk-in books: one workbook a year, one sheet a month, residences by village name. */
    void walkInBook(County c) throws IOException {
        write("sources/" + c.code() + "/" + c.code() + "-walkin-book.yml", """
                # %1$s 就业驿站来访登记簿: one workbook a year, one sheet a month; residence written as the village's name.
                id: %2$s-walkin-book
                name: %1$s就业驿站来访登记簿
                kind: xlsx
                region: "%2$s"
                priority: 30
                entities:
                  - entity: person           # walk-ins noted without an ID number: matched by name, birth, phone
                    path: data/%2$s/register/walkins-*.xlsx
                    sheet: "2023年*"         # the monthly sheets, not 填表说明
                    key: 序号
                    columns: {name: 姓名, gender: 性别, birth_date: 出生日期, phone: 联系电话, residence_region: 居住地,
                              household_region: 户籍地代码, registered_on: 登记日期}
                    constants: {channel: station}
                """.formatted(c.name(), c.code()));
    }

    void staffRegister(County c) throws IOException {
        write("sources/" + c.code() + "/" + c.code() + "-staff-register.yml", """
                # %1$s 就业服务人员名册 and 重点企业联系台账 (one XLSX workbook, two sheets).
                id: %2$s-staff-register
                name: %1$s就业服务人员名册
                kind: xlsx
                region: "%2$s"
                priority: 20
                entities:
                  - entity: staff
                    path: data/%2$s/register/staff-*.xlsx
                    sheet: 专干名册
                    header-row: 2
                    key: 工号
                    columns: {staff_code: 工号, name: 姓名, role: 岗位, station_code: 所在站点, region: 服务村社区代码,
                              expert_level: 专家级别, phone: 联系电话}
                  - entity: liaison
                    path: data/%2$s/register/staff-*.xlsx
                    sheet: 重点企业联系
                    header-row: 1
                    columns: {specialist_code: 专员工号, enterprise_credit_code: 企业统一社会信用代码, recruit_month: 月份,
                              recruits: 助企招工人数}
                """.formatted(c.name(), c.code()));
    }

    void gigMarket() throws IOException {
        write("sources/province/gig-market.yml", """
                # 智慧零工 gig-matching system: one NDJSON line per match; the worker is also a person registration.
                id: gig-market
                name: 智慧零工匹配系统
                kind: json
                region: "43"
                priority: 50
                file: {format: ndjson, encoding: UTF-8}
                entities:
                  - entity: gig_match
                    path: data/province/gig/matches-*.ndjson
                    key: orderNo
                    columns: {market_code: market, worker_id_number: worker.idCard, employer_name: employer.name, task: task,
                              work_date: workDate, daily_wage: dailyWage, meals: mealsIncluded}
                  - entity: person
                    path: data/province/gig/matches-*.ndjson
                    columns: {name: worker.name, id_number: worker.idCard, phone: worker.phone}
                    constants: {channel: gig_market}
                """);
    }

    void onlinePlatform() throws IOException {
        write("sources/province/online-platform.yml", """
                # 湘就业 online platform: JSON exports of registrations, companies and job postings.
                id: online-platform
                name: 湘就业线上平台
                kind: json
                region: "43"
                priority: 40
                file: {format: array, encoding: UTF-8}
                entities:
                  - entity: person
                    path: data/province/online/registrations.json
                    columns: {name: realName, id_number: idNo, phone: mobile, gender: gender, residence_region: areaCode,
                              education: education, registered_on: regTime, categories: tags}
                    constants: {channel: online}
                  - entity: employer
                    path: data/province/online/companies.json
                    columns: {credit_code: creditCode, name: companyName, region: district}
                  - entity: posting
                    path: data/province/online/postings.json
                    columns: {posting_key: jobId, employer_credit_code: companyCode, title: title, headcount: count,
                              pay_min: salaryMin, pay_max: salaryMax, pay_period: salaryUnit, insurance: benefits,
                              region: area, posted_on: publishDate, expires_on: expireDate, form: jobType}
                    values:
                      insurance: {五险一金: 是}
                """);
    }

    void agencyReport() throws IOException {
        write("sources/province/hr-agency-annual.yml", """
                # 人力资源服务机构年报: annual figures of HR service agencies (UTF-8 CSV).
                id: hr-agency-annual
                name: 人力资源服务机构年度报告
                kind: csv
                region: "43"
                priority: 10
                file: {encoding: UTF-8, header-row: 1}
                entities:
                  - entity: agency_report
                    path: data/province/agency/agency-annual-*.csv
                    columns: {agency_credit_code: 机构统一社会信用代码, agency_name: 机构名称, report_year: 年度,
                              staff: 从业人员数, revenue_10k: 营业收入（万元）, persons_served: 服务人次, region: 所在地}
                """);
    }

    private void write(String relative, String text) throws IOException {
        Path file = configDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
