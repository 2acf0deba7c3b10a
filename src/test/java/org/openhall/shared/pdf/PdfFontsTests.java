package org.openhall.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

class PdfFontsTests {

    @Test
    void theBundledFontIsLoadedOnceAsAnEmbeddedIdentityHFont() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BaseFont>> loads = pool.invokeAll(Collections.nCopies(8, (Callable<BaseFont>) PdfFonts::cjk));
            BaseFont first = loads.getFirst().get();
            for (Future<BaseFont> load : loads) {
                assertThat(load.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        BaseFont font = PdfFonts.cjk();
        assertThat(font.getEncoding()).isEqualTo(BaseFont.IDENTITY_H);
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.isSubset()).isTrue();
        assertThat(font.getPostscriptFontName()).isEqualTo("WenQuanYiMicroHei");
    }

    @Test
    void coversTheCharactersOfAServiceCentre() {
        // GB2312 level 1 and 2 samples, full-width punctuation, digits and Latin letters
        assertThat(PdfFonts.canDisplay("社会保险服务中心 医保中心 城乡居民社保中心 劳动就业中心 工作牌 窗口 受理回执 一次性告知单")).isTrue();
        assertThat(PdfFonts.canDisplay("段誉 慕容复 欧阳锋 诸葛亮 鑫 淼 燚 赟 喆 琰 昶 珺")).isTrue();
        assertThat(PdfFonts.canDisplay("（）【】《》，。、；：？！“”‘’ ０１２ ABC abc 123 № ℃")).isTrue();
        assertThat(PdfFonts.canDisplay("\uD83D\uDE00")).as("an emoji is not in the font").isFalse();
    }

    @Test
    void fontsCarrySizeAndStyle() {
        Font regular = PdfFonts.font(12);
        assertThat(regular.getSize()).isEqualTo(12f);
        assertThat(regular.getStyle()).isEqualTo(Font.NORMAL);
        assertThat(regular.getBaseFont()).isSameAs(PdfFonts.cjk());
        assertThat(PdfFonts.bold(20).getStyle()).isEqualTo(Font.BOLD);
        assertThat(PdfFonts.font(9, Font.ITALIC).getStyle()).isEqualTo(Font.ITALIC);
        assertThatThrownBy(() -> PdfFonts.font(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeToFitShrinksLongNamesOnly() {
        float width = PdfDocuments.mm(80); // a 90 mm badge with 5 mm margins
        assertThat(PdfFonts.sizeToFit("张三", width, 22, 10)).isEqualTo(22f);
        String longUnit = "城乡居民社会养老保险服务中心";
        float size = PdfFonts.sizeToFit(longUnit, width, 22, 8);
        assertThat(size).isLessThan(22f);
        assertThat(PdfFonts.width(longUnit, size)).isLessThanOrEqualTo(width + 0.01f);
        assertThat(PdfFonts.sizeToFit(longUnit.repeat(5), width, 22, 10)).isEqualTo(10f);
        // a CJK character is one em wide
        assertThat(PdfFonts.width("社", 10)).isEqualTo(10f);
    }
}
