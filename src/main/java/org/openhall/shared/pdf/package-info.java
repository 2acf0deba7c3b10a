/**
 * PDF plumbing for everything OpenHall prints: {@link org.openhall.shared.pdf.PdfFonts} (the bundled, embedded CJK
 * font, WenQuanYi Micro Hei, Apache License 2.0) and {@link org.openhall.shared.pdf.PdfDocuments} (documents into a
 * byte array with metadata, images, text). Built on OpenPDF.
 */
@org.jspecify.annotations.NullMarked
package org.openhall.shared.pdf;
