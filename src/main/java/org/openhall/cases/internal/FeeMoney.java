package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Money of the fee module (CASE-8): yuan as {@link BigDecimal} with scale 2, never floating point, and the amount
 * in Chinese capital numerals (人民币大写) that every receipt carries.
 *
 * <p>The capital form follows 《会计基础工作规范》 (财政部, 第五十二条): 壹贰叁肆伍陆柒捌玖, 拾佰仟万亿, 元角分; an amount
 * that ends at 元 or 角 is closed with 整, one that has 分 is not; zeros between digits are written once as 零, and a
 * 零 follows 元 when the units of yuan are 0 and 角 is not (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分, ¥107,000.53 →
 * 壹拾万柒仟元零伍角叁分), or when 角 is 0 and 分 is not (¥1,004.05 → 壹仟零肆元零伍分). 拾 always carries its digit
 * (¥16 → 壹拾陆元整). An amount below one yuan has no 元 (¥0.05 → 伍分).
 */
public final class FeeMoney {

    /** The largest amount a column numeric(12,2) holds. */
    public static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUP_UNITS = {"", "万", "亿", "万亿"};
    private static final int[] POWERS = {1, 10, 100, 1000};

    private FeeMoney() {
    }

    /**
     * The amount with scale 2, or {@code null} when it has more than two decimals (a fraction of a 分 is an error,
     * never rounded away).
     */
    public static @Nullable BigDecimal exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** ¥1,234.50 style, without the sign: {@code 1,234.50}. */
    public static String format(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    /**
     * The amount in capital numerals without the 人民币 prefix: 1234.50 → 壹仟贰佰叁拾肆元伍角整, 10.00 → 壹拾元整,
     * 0.05 → 伍分, 0 → 零元整.
     *
     * @throws IllegalArgumentException for a negative amount, one with a fraction of a 分, or one of 10¹⁶ yuan or more
     */
    public static String capital(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative amount: " + amount);
        }
        BigDecimal exact = exact(amount);
        if (exact == null) {
            throw new IllegalArgumentException("amount has a fraction of a fen: " + amount);
        }
        if (exact.compareTo(new BigDecimal("1E16")) >= 0) {
            throw new IllegalArgumentException("amount too large: " + amount);
        }
        long cents = exact.movePointRight(2).longValueExact();
        long yuan = cents / 100;
        int jiao = (int) (cents / 10 % 10);
        int fen = (int) (cents % 10);
        if (cents == 0) {
            return "零元整";
        }
        StringBuilder s = new StringBuilder();
        if (yuan > 0) {
            s.append(yuan(yuan)).append('元');
            if (jiao == 0 && fen == 0) {
                return s.append('整').toString();
            }
            if (jiao != 0 && yuan % 10 == 0 || jiao == 0) {
                s.append('零');
            }
        }
        if (jiao != 0) {
            s.append(DIGITS[jiao]).append('角');
        }
        if (fen != 0) {
            s.append(DIGITS[fen]).append('分');
        } else {
            s.append('整');
        }
        return s.toString();
    }

    /** A positive number of yuan in capital numerals, 10 → 壹拾, 100005000 → 壹亿零伍仟. */
    private static String yuan(long n) {
        int[] groups = new int[GROUP_UNITS.length];
        long rest = n;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = (int) (rest % 10_000);
            rest /= 10_000;
        }
        StringBuilder s = new StringBuilder();
        boolean gap = false;
        for (int g = groups.length - 1; g >= 0; g--) {
            int v = groups[g];
            if (v == 0) {
                gap = !s.isEmpty();
                continue;
            }
            if (!s.isEmpty() && (gap || v < 1000)) {
                s.append('零');
            }
            s.append(group(v)).append(GROUP_UNITS[g]);
            gap = false;
        }
        return s.toString();
    }

    /** 1 ≤ v ≤ 9999 without leading 零: 1010 → 壹仟零壹拾, 5 → 伍. */
    private static String group(int v) {
        StringBuilder s = new StringBuilder();
        boolean zero = false;
        for (int pos = 3; pos >= 0; pos--) {
            int d = v / POWERS[pos] % 10;
            if (d == 0) {
                zero = !s.isEmpty();
                continue;
            }
            if (zero) {
                s.append('零');
                zero = false;
            }
            s.append(DIGITS[d]).append(SMALL_UNITS[pos]);
        }
        return s.toString();
    }
}
