package org.openhall.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A fee item of a service item (CAT-1, CASE-8). Money is exact: {@code amount} in yuan with scale 2.
 *
 * @param basis the charging standard and its legal basis (收费依据)
 */
public record FeeInfo(String code, String name, BigDecimal amount, @Nullable String basis) {
}
