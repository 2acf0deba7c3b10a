package org.openhall.queue;

/** The five levels of FB-1 (非常满意 … 非常不满意); {@link #score()} 5..1. */
public enum RatingLevel {
    VERY_SATISFIED(5), SATISFIED(4), BASIC(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

    private final int score;

    RatingLevel(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    /** 差评 (FB-2): 不满意 and 非常不满意. */
    public boolean isBad() {
        return score <= 2;
    }
}
