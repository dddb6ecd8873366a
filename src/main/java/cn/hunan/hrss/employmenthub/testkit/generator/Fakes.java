package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.validation.CreditCodes;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Plausible names, numbers and codes, all from one seeded random source. */
final class Fakes {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玲红梅云飞鹏亮斌宇浩凯健俊帆欣怡佳琪晨阳雪婷倩颖家豪子涵思远志强海燕春花秋菊湘湘";
    private static final List<String> COMPANY_WORDS = List.of("湘江", "潇湘", "芙蓉", "岳麓", "衡岳", "洞庭", "三湘", "楚天",
            "华瑞", "鑫源", "恒通", "远大", "金桥", "新晟", "宏达", "锦程");
    private static final List<String> COMPANY_TRADES = List.of("机械制造", "电子科技", "食品加工", "建筑工程", "物流运输",
            "餐饮管理", "纺织服装", "农业开发", "家政服务", "新材料");

    final Random random;

    Fakes(long seed) {
        this.random = new Random(seed);
    }

    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String personName() {
        StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int n = chance(0.7) ? 2 : 1;
        for (int i = 0; i < n; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    String companyName(String countyName) {
        return countyName.replaceAll("[市县区]$", "") + pick(COMPANY_WORDS) + pick(COMPANY_TRADES) + "有限公司";
    }

    /** A valid 18-character ID number not in {@code taken}; odd sequence digit for men. */
    String idNumber(String county, LocalDate birth, boolean male, Set<String> taken) {
        while (true) {
            int seq = between(0, 499) * 2 + (male ? 1 : 0);
            String first17 = county + birth.toString().replace("-", "") + String.format("%03d", seq);
            String id = first17 + IdNumbers.checkChar(first17);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** A valid credit code registered in {@code county}, not in {@code taken}. */
    String creditCode(String county, Set<String> taken) {
        while (true) {
            StringBuilder sb = new StringBuilder("91").append(county);
            for (int i = 0; i < 9; i++) {
                sb.append(CreditCodes.ALPHABET.charAt(random.nextInt(CreditCodes.ALPHABET.length())));
            }
            String code = sb.append(CreditCodes.checkChar(sb.toString())).toString();
            if (taken.add(code)) {
                return code;
            }
        }
    }

    String mobile() {
        return "1" + pick(List.of("3", "5", "7", "8", "9")) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    LocalDate date(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }
}
