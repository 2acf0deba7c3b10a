package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** CASE-10, SEC-4: uploads are recognised by their content, not by their name; sizes and names are bounded. */
class ApplicationUploadCheckTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    /** The start of a Windows program (MZ header). */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    final ApplicationUploadCheck check = new ApplicationUploadCheck(
            new ApplicationProperties(DataSize.ofKilobytes(64), 5, 1, 10, java.time.Duration.ofHours(1)));

    @Test
    void realPdfJpegAndPngPassWithTheirRealType() {
        assertThat(check.check("申请表.pdf", PDF).file().contentType()).isEqualTo("application/pdf");
        assertThat(check.check("身份证.JPG", JPEG).file().contentType()).isEqualTo("image/jpeg");
        assertThat(check.check("scan.jpeg", JPEG).file().contentType()).isEqualTo("image/jpeg");
        assertThat(check.check("户口簿.png", PNG).file().contentType()).isEqualTo("image/png");
    }

    @Test
    void aProgramRenamedPdfIsRefusedByItsContent() {
        ApplicationUploadCheck.Outcome o = check.check("申请表.pdf", EXE);
        assertThat(o.file()).isNull();
        assertThat(o.errorKey()).isEqualTo("cases.public.apply.upload.content");
        // a PNG named .jpg does not pass either: the name must tell the truth
        assertThat(check.check("photo.jpg", PNG).errorKey()).isEqualTo("cases.public.apply.upload.content");
    }

    @Test
    void otherTypesEmptyAndTooLargeFilesAreRefused() {
        assertThat(check.check("virus.exe", EXE).errorKey()).isEqualTo("cases.public.apply.upload.type");
        assertThat(check.check("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).errorKey())
                .isEqualTo("cases.public.apply.upload.type");
        assertThat(check.check("noextension", PDF).errorKey()).isEqualTo("cases.public.apply.upload.type");
        assertThat(check.check("empty.pdf", new byte[0]).errorKey()).isEqualTo("cases.public.apply.upload.empty");
        byte[] big = Arrays.copyOf(PDF, 64 * 1024 + 1);
        ApplicationUploadCheck.Outcome o = check.check("big.pdf", big);
        assertThat(o.errorKey()).isEqualTo("cases.public.apply.upload.tooLarge");
        assertThat(o.args()).containsExactly(1L);
        assertThat(check.check("limit.pdf", Arrays.copyOf(PDF, 64 * 1024)).file()).isNotNull();
    }

    @Test
    void fileNamesLoseTheirPathAndAreBounded() {
        assertThat(check.check("C:\\Users\\段誉\\材料\\申请表.pdf", PDF).file().fileName()).isEqualTo("申请表.pdf");
        assertThat(check.check("../../etc/x<y>.pdf", PDF).file().fileName()).isEqualTo("x_y_.pdf");
        String longName = "很".repeat(300) + ".pdf";
        String kept = check.check(longName, PDF).file().fileName();
        assertThat(kept).hasSizeLessThanOrEqualTo(200).endsWith(".pdf");
    }
}
