package org.openhall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.pdf.PdfFonts;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the CJK font that ships with OpenHall (WenQuanYi Micro Hei, Apache License 2.0, the same file the PDFs embed,
 * see {@link PdfFonts}) to browsers as {@value #PATH}, public and cached for a year, so that kiosks, hall displays and
 * old hall PCs show Chinese without a font of their own. {@code /css/fonts.css} declares it as
 * {@code font-family: "OpenHall CJK"}. The file stays in one place in the repository (the classpath {@code fonts/}
 * folder); only this one path maps to it.
 */
@Configuration(proxyBeanMethods = false)
class FontResources implements WebMvcConfigurer {

    static final String PATH = "/fonts/openhall-cjk.ttf";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true)
                .addResolver(new BundledFont(new ClassPathResource(PdfFonts.RESOURCE)));
    }

    /** Resolves the single public font path to the bundled font file, whatever its name on the classpath. */
    private static final class BundledFont extends AbstractResourceResolver {

        private final Resource font;

        BundledFont(Resource font) {
            this.font = font;
        }

        @Override
        protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return font.exists() ? font : null;
        }

        @Override
        protected @Nullable String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return resourceUrlPath;
        }
    }
}
