package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CASE-8: exact money and the amount in capital numerals (人民币大写, 《会计基础工作规范》第五十二条). */
class FeeMoneyTests {

    @ParameterizedTest
    @CsvSource({
            "1234.50, 壹仟贰佰叁拾肆元伍角整",
            "10.00, 壹拾元整",
            "0.05, 伍分",
            "0, 零元整",
            "0.50, 伍角整",
            "0.35, 叁角伍分",
            "1, 壹元整",
            "16, 壹拾陆元整",
            "110, 壹佰壹拾元整",
            "1010, 壹仟零壹拾元整",
            "1680.32, 壹仟陆佰捌拾元零叁角贰分",
            "107000.53, 壹拾万柒仟元零伍角叁分",
            "1004.05, 壹仟零肆元零伍分",
            "1000.10, 壹仟元零壹角整",
            "100500, 壹拾万零伍佰元整",
            "105000, 壹拾万伍仟元整",
            "100005000, 壹亿零伍仟元整",
            "100000005, 壹亿零伍元整",
            "12300567, 壹仟贰佰叁拾万零伍佰陆拾柒元整",
            "9999999999.99, 玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "200000000000, 贰仟亿元整",
            "2000000000000, 贰万亿元整",
            "35.08, 叁拾伍元零捌分",
            "5.20, 伍元贰角整"})
    void capitalNumerals(String amount, String capital) {
        assertThat(FeeMoney.capital(new BigDecimal(amount))).isEqualTo(capital);
    }

    @Test
    void refusesWhatIsNotExactMoney() {
        assertThatThrownBy(() -> FeeMoney.capital(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeMoney.capital(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeMoney.capital(new BigDecimal("1E16"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FeeMoney.exact(new BigDecimal("10.005"))).isNull();
        assertThat(FeeMoney.exact(new BigDecimal("10.500"))).isEqualByComparingTo("10.50").hasToString("10.50");
        assertThat(FeeMoney.exact(new BigDecimal("7"))).hasToString("7.00");
    }

    @Test
    void formatsWithThousandsSeparators() {
        assertThat(FeeMoney.format(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
        assertThat(FeeMoney.format(new BigDecimal("0"))).isEqualTo("0.00");
    }

    /** Reading the capital form back gives the amount, and its shape keeps the rules, for any amount up to 10¹² yuan. */
    @Property(tries = 2000)
    void capitalReadsBackToTheAmount(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String capital = FeeMoney.capital(amount);
        assertThat(parse(capital)).as(capital).isEqualTo(cents);
        assertThat(capital).doesNotContain("零零").doesNotEndWith("零");
        assertThat(capital.endsWith("整")).as(capital).isEqualTo(cents % 10 == 0);
        if (cents >= 100) {
            assertThat(capital).doesNotStartWith("零").contains("元");
        } else if (cents > 0) {
            assertThat(capital).doesNotContain("元").doesNotContain("零");
        }
    }

    /** A plain reader of capital numerals, the reference for the property above. */
    static long parse(String capital) {
        String s = capital.replace("整", "");
        int yuanAt = s.indexOf('元');
        long yuan = yuanAt < 0 ? 0 : integer(s.substring(0, yuanAt));
        String fraction = yuanAt < 0 ? s : s.substring(yuanAt + 1);
        long cents = yuan * 100;
        int digit = 0;
        for (char c : fraction.toCharArray()) {
            switch (c) {
                case '角' -> cents += digit * 10L;
                case '分' -> cents += digit;
                case '零' -> digit = 0;
                default -> digit = "零壹贰叁肆伍陆柒捌玖".indexOf(c);
            }
        }
        return cents;
    }

    private static long integer(String s) {
        long yi = 0;
        long wan = 0;
        long section = 0;
        long number = 0;
        for (char c : s.toCharArray()) {
            int d = "零壹贰叁肆伍陆柒捌玖".indexOf(c);
            if (d >= 0) {
                number = d;
                continue;
            }
            switch (c) {
                case '拾' -> { section += number * 10; number = 0; }
                case '佰' -> { section += number * 100; number = 0; }
                case '仟' -> { section += number * 1000; number = 0; }
                case '万' -> { wan = section + number; section = 0; number = 0; }
                case '亿' -> { yi = wan * 10_000 + section + number; wan = 0; section = 0; number = 0; }
                default -> throw new IllegalArgumentException("unexpected " + c + " in " + s);
            }
        }
        return yi * 100_000_000 + wan * 10_000 + section + number;
    }
}
