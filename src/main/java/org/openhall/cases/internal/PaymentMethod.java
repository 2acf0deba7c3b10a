package org.openhall.cases.internal;

/**
 * How a fee was paid at the window (CASE-8). The settlement office reconciles each window's takings per method,
 * because cash is handed over while card and mobile payments arrive on the bank statement.
 */
public enum PaymentMethod {
    /** 现金 */
    CASH,
    /** 银行卡 (POS) */
    BANK_CARD,
    /** 微信支付 */
    WECHAT,
    /** 支付宝 */
    ALIPAY,
    /** 云闪付 */
    UNIONPAY,
    /** 对公转账 */
    TRANSFER
}
