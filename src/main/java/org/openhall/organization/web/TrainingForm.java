package org.openhall.organization.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.TrainingCategory;
import org.openhall.organization.TrainingData;
import org.springframework.format.annotation.DateTimeFormat;

/** The training form (ORG-4). */
public class TrainingForm {

    private @Nullable Long staffId;
    private @Nullable TrainingCategory category = TrainingCategory.BUSINESS_KNOWLEDGE;
    private @Nullable String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate date;
    private @Nullable BigDecimal hours;
    private @Nullable Integer score;
    private @Nullable String trainer;

    @SuppressWarnings("NullAway")
    TrainingData toData() {
        return new TrainingData(staffId, category, title, date, hours, score, trainer);
    }

    public @Nullable Long getStaffId() { return staffId; }
    public void setStaffId(@Nullable Long staffId) { this.staffId = staffId; }
    public @Nullable TrainingCategory getCategory() { return category; }
    public void setCategory(@Nullable TrainingCategory category) { this.category = category; }
    public @Nullable String getTitle() { return title; }
    public void setTitle(@Nullable String title) { this.title = title; }
    public @Nullable LocalDate getDate() { return date; }
    public void setDate(@Nullable LocalDate date) { this.date = date; }
    public @Nullable BigDecimal getHours() { return hours; }
    public void setHours(@Nullable BigDecimal hours) { this.hours = hours; }
    public @Nullable Integer getScore() { return score; }
    public void setScore(@Nullable Integer score) { this.score = score; }
    public @Nullable String getTrainer() { return trainer; }
    public void setTrainer(@Nullable String trainer) { this.trainer = trainer; }
}
