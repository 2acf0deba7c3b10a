package org.openhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.WebDataBinder;

/** Every form: the id never comes from request parameters; blank text becomes null, other text is trimmed. */
class BindingDefaultsTests {

    public static class Form {
        private Long id = 7L;
        private String name = "old";
        private String note = "old";

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    @Test
    void idIsNeverBoundAndTextIsTrimmed() {
        Form form = new Form();
        WebDataBinder binder = new WebDataBinder(form);
        new BindingDefaults().initBinder(binder);
        binder.bind(new MutablePropertyValues(java.util.Map.of("id", "99", "name", "  王小明 ", "note", "   ")));
        assertThat(form.getId()).isEqualTo(7L);
        assertThat(form.getName()).isEqualTo("王小明");
        assertThat(form.getNote()).isNull();
    }
}
