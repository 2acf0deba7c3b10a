/** QR codes (ZXing) as PNG images and as images for OpenPDF documents: {@link org.openhall.shared.qr.QrCodes}. */
@org.jspecify.annotations.NullMarked
package org.openhall.shared.qr;
