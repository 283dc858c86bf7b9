/**
 * Reading text from page images: the OCR engines (Tesseract's command line, PaddleOCR's detection
 * and recognition models through ONNX Runtime), the image preparation before them, the layout of
 * what they read into lines as a receipt prints them, and the measure of how well they read. Plain
 * Java, no Beam; {@code ingest} plugs an engine into Tika for images and PDF pages.
 */
package io.docextract.ocr;
