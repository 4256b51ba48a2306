import Foundation
import Testing
@testable import ConvScopeApp
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects every element (name and attributes) and the text inside each `<text>` and `<title>`.
/// It also checks nesting itself: swift-corelibs' XMLParser.parse() returns true for some
/// malformed input (mismatched or unclosed tags), reporting them only to the delegate.
private final class XMLCollector: NSObject, XMLParserDelegate {
    struct Element { let name: String; let attributes: [String: String] }
    var elements: [Element] = []
    var texts: [String] = []
    var titles: [String] = []
    var errors: [String] = []
    var open: [String] = []
    var rootClosed = false
    private var inText = false, inTitle = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootClosed { errors.append("second root <\(name)>") }
        open.append(name)
        elements.append(Element(name: name, attributes: attributes))
        if name == "text" { inText = true; texts.append("") }
        if name == "title" { inTitle = true; titles.append("") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if open.popLast() != name { errors.append("mismatched </\(name)>") }
        if open.isEmpty { rootClosed = true }
        if name == "text" { inText = false }
        if name == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        errors.append("\(parseError)")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
        if inTitle { titles[titles.count - 1] += string }
    }

    /// Cell rects: every rect except the full-page background.
    var cellRects: [[String: String]] {
        elements.filter { $0.name == "rect" && $0.attributes["class"] != "screen" }.map(\.attributes)
    }
    var screenRects: [[String: String]] {
        elements.filter { $0.name == "rect" && $0.attributes["class"] == "screen" }.map(\.attributes)
    }
    var textElements: [[String: String]] { elements.filter { $0.name == "text" }.map(\.attributes) }
}

/// Parses `document`, failing the test on any XML error.
private func parse(_ document: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLCollector {
    let collector = XMLCollector()
    let parser = XMLParser(data: Data(document.utf8))
    parser.delegate = collector
    let ok = parser.parse()
    #expect(ok && parser.parserError == nil, "XML error: \(String(describing: parser.parserError))",
            sourceLocation: sourceLocation)
    #expect(collector.errors.isEmpty && collector.open.isEmpty && collector.rootClosed,
            "malformed XML: \(collector.errors), unclosed \(collector.open)", sourceLocation: sourceLocation)
    return collector
}

@Suite("Exporters: text, ANSI, SVG, HTML")
struct ExporterTests {
    static let red = RGB(255, 0, 0), blue = RGB(0, 0, 255), green = RGB(0, 128, 0)
    static let amber = RGB(18, 52, 86)

    /// Two rows: coloured backgrounds in runs, plain text, one ▀ cell.
    static func sample() -> Canvas {
        var c = Canvas(width: 8, height: 2)
        c.put("ab", x: 0, y: 0, style: Style(foreground: .white, background: red))
        c.put("  ", x: 2, y: 0, style: Style(background: blue))
        c.put("hi", x: 5, y: 0)
        c[0, 1] = Cell("▀", Style(foreground: green, background: amber))
        c.put("z", x: 3, y: 1, style: Style(foreground: amber, background: green, bold: true))
        return c
    }

    /// The checker itself must reject what corelibs' parse() lets through, or the tests below prove nothing.
    @Test func xmlCheckRejectsMalformedDocuments() {
        for bad in ["<a><b></a>", "<a>", "<a/><b/>", "<a>&</a>", "<a>x < y</a>"] {
            let collector = XMLCollector()
            let parser = XMLParser(data: Data(bad.utf8))
            parser.delegate = collector
            let ok = parser.parse()
            let wellFormed = ok && parser.parserError == nil && collector.errors.isEmpty
                && collector.open.isEmpty && collector.rootClosed
            #expect(!wellFormed, "accepted \(bad)")
        }
    }

    // MARK: Text

    @Test func textTrimsTrailingSpacesAndEndsLines() {
        var c = Canvas(width: 6, height: 3)
        c.put("ab  c", x: 0, y: 0)
        c.put(" x", x: 0, y: 2, style: Style(background: Self.red))
        #expect(TextExporter.export(c) == "ab  c\n\n x\n")
    }

    // MARK: ANSI

    @Test func ansiEmitsTrueColourOnlyOnStyleChange() {
        var c = Canvas(width: 4, height: 2)
        let style = Style(foreground: RGB(1, 2, 3), background: RGB(200, 100, 50), bold: true)
        c.put("abc", x: 0, y: 0, style: style)
        c.put("d", x: 3, y: 0, style: Style(underline: true))
        c.put("e", x: 0, y: 1, style: Style(dim: true, reverse: true))
        let out = ANSIExporter.export(c)
        let esc = "\u{1B}["
        #expect(out.components(separatedBy: esc + "38;2;1;2;3m").count == 2)  // once for "abc"
        #expect(out.contains(esc + "48;2;200;100;50m"))
        #expect(out.contains(esc + "1m" + esc + "38;2;1;2;3m" + esc + "48;2;200;100;50m" + "abc"))
        #expect(out.contains("abc" + esc + "0m" + esc + "4m" + "d"))
        #expect(out.contains(esc + "2m" + esc + "7m" + "e"))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)  // two lines, each terminated
        for line in lines.dropLast() { #expect(line.hasSuffix(esc + "0m")) }
        // Blank cells carry no escapes: row 1 is "e" then three default spaces.
        #expect(lines[1] == esc + "2m" + esc + "7m" + "e" + esc + "0m   " + esc + "0m")
    }

    // MARK: SVG

    @Test func svgParsesAndBackgroundRectsUseExactCellColours() {
        let svg = SVGExporter.export(Self.sample())
        let doc = parse(svg)
        let fills = Set(doc.cellRects.compactMap { $0["fill"] })
        #expect(fills == Set([Self.red, Self.blue, Self.green, Self.amber].map(\.hex)))
        #expect(doc.screenRects.map { $0["fill"] } == [ExportTheme.dark.background.hex])
        #expect(doc.screenRects.first?["width"] == "76.8" && doc.screenRects.first?["height"] == "38")
        #expect(doc.titles == ["convscope"])
    }

    @Test func svgMergesHorizontalRunsOfOneBackground() {
        var c = Canvas(width: 5, height: 1)
        c.put("abcd", x: 1, y: 0, style: Style(background: Self.red))
        let rects = parse(SVGExporter.export(c)).cellRects
        #expect(rects.count == 1)
        #expect(rects.first?["x"] == "9.6" && rects.first?["width"] == "38.4" && rects.first?["height"] == "19")
    }

    @Test func upperHalfBlockIsTwoRectsNotText() {
        var c = Canvas(width: 1, height: 1)
        c[0, 0] = Cell("▀", Style(foreground: Self.green, background: Self.amber))
        let doc = parse(SVGExporter.export(c))
        let rects = doc.cellRects
        #expect(rects.count == 2)
        #expect(rects.contains { $0["fill"] == Self.green.hex && $0["y"] == "0" && $0["height"] == "9.5" })
        #expect(rects.contains { $0["fill"] == Self.amber.hex && $0["y"] == "9.5" && $0["height"] == "9.5" })
        #expect(doc.textElements.isEmpty)
    }

    @Test func fullBlockIsOneForegroundRect() {
        var c = Canvas(width: 2, height: 1)
        c.put("██", x: 0, y: 0, style: Style(foreground: Self.green, background: Self.red))
        let doc = parse(SVGExporter.export(c))
        #expect(doc.cellRects.map { $0["fill"] } == [Self.green.hex])
        #expect(doc.cellRects.first?["width"] == "19.2")
        #expect(doc.textElements.isEmpty)
    }

    @Test func textRunsSitAtTheirColumnWithStyle() {
        var c = Canvas(width: 10, height: 2)
        c.put("ok go", x: 3, y: 1, style: Style(foreground: Self.red, bold: true, dim: true, underline: true))
        c.put("  ", x: 0, y: 0)  // blank default cells: no text element
        let doc = parse(SVGExporter.export(c))
        #expect(doc.texts == ["ok go"])
        let t = doc.textElements.first ?? [:]
        #expect(t["x"] == "28.8" && t["y"] == "34" && t["textLength"] == "48")
        #expect(t["lengthAdjust"] == "spacingAndGlyphs")
        #expect(t["fill"] == Self.red.hex && t["font-weight"] == "bold" && t["opacity"] == "0.6")
        #expect(t["text-decoration"] == "underline")
        #expect(doc.elements.contains { $0.attributes["font-family"] == SVGExporter.fontFamily })
    }

    @Test func xmlSpecialCharactersAreEscaped() {
        var c = Canvas(width: 12, height: 1)
        let nasty = "<a&b \"c\" 'd'>"
        c.put(nasty, x: 0, y: 0)
        let svg = SVGExporter.export(c, title: "x < y & \"z\"")
        #expect(svg.contains("&lt;a&amp;b &quot;c&quot; &apos;d&apos;"))
        let doc = parse(svg)
        #expect(doc.texts == [String(nasty.prefix(12))])
        #expect(doc.titles == ["x < y & \"z\""])
    }

    @Test func reverseSwapsColoursUsingThemeDefaults() {
        var c = Canvas(width: 1, height: 1)
        c.put("X", x: 0, y: 0, style: Style(reverse: true))
        for theme in ExportTheme.allCases {
            let doc = parse(SVGExporter.export(c, theme: theme))
            #expect(doc.cellRects.map { $0["fill"] } == [theme.foreground.hex])
            #expect(doc.textElements.map { $0["fill"] } == [theme.background.hex])
        }
    }

    @Test func lightThemeUsesWhitePageAndDarkText() {
        var c = Canvas(width: 3, height: 1)
        c.put("abc", x: 0, y: 0)
        let doc = parse(SVGExporter.export(c, theme: .light))
        #expect(doc.screenRects.map { $0["fill"] } == ["#ffffff"])
        #expect(doc.textElements.map { $0["fill"] } == ["#262626"])
        #expect(parse(SVGExporter.export(c, theme: .dark)).textElements.map { $0["fill"] } == ["#d0d0d0"])
    }

    // MARK: HTML

    @Test func htmlIsWellFormedAndEmbedsTheSameSVG() {
        let canvas = Self.sample()
        let html = HTMLExporter.export(canvas, theme: .light, title: "a & b", language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        let svg = SVGExporter.export(canvas, theme: .light, title: "a & b")
        let svgElement = svg.drop { $0 != "\n" }.dropFirst()  // without the XML declaration
        #expect(svgElement.hasPrefix("<svg") && html.contains(svgElement))
        let doc = parse(html)
        #expect(doc.titles == ["a & b", "a & b"])  // the page's and the picture's
        #expect(Set(doc.cellRects.compactMap { $0["fill"] }) == Set([Self.red, Self.blue, Self.green, Self.amber].map(\.hex)))
        #expect(doc.elements.first?.name == "html")
        #expect(html.contains("background: #ffffff"))
    }
}
