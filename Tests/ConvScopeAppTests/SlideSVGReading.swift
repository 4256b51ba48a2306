import Foundation
@testable import ConvScopeApp

/// Reads back what a slide's SVG draws, from the file's text (not from the Slide it was made
/// from): its page, its texts with their boxes, its rectangles, split into the still part and
/// each animation frame.
struct SlideSVGReading {
    struct Text { let box: SlideBox; let size: Double; let content: String }
    struct Rect { let x: Double, y: Double, width: Double, height: Double }

    let width: Double, height: Double
    /// Texts and rects outside any frame group.
    let stillTexts: [Text], stillRects: [Rect]
    /// Each frame group's texts and rects.
    let frames: [(texts: [Text], rects: [Rect])]

    init(_ svg: String) {
        let view = Self.attribute("viewBox", in: svg)!.split(separator: " ").map { Double($0)! }
        (width, height) = (view[2], view[3])
        let parts = svg.components(separatedBy: "<g class=\"frame\"")
        (stillTexts, stillRects) = (Self.texts(parts[0]), Self.rects(parts[0]))
        frames = parts.dropFirst().map { (Self.texts($0), Self.rects($0)) }
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let r = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[r.upperBound...]
        return String(rest[..<rest.firstIndex(of: "\"")!])
    }

    /// Every `<text>`: its box from x, y, font-size and anchor at the monospace advance.
    static func texts(_ svg: String) -> [Text] {
        svg.components(separatedBy: "<text ").dropFirst().map { chunk in
            let open = String(chunk[..<chunk.firstIndex(of: ">")!])
            let content = chunk[chunk.index(after: chunk.firstIndex(of: ">")!)...].components(separatedBy: "</text>")[0]
            let text = content.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            let x = Double(attribute("x", in: " " + open)!)!, y = Double(attribute("y", in: " " + open)!)!
            let size = Double(attribute("font-size", in: " " + open)!)!
            let w = Double(text.count) * 0.6 * size
            let anchor = attribute("text-anchor", in: " " + open) ?? "start"
            let x0 = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x
            return Text(box: SlideBox(x: x0, y: y - 0.8 * size, width: w, height: size), size: size, content: text)
        }
    }

    /// Every `<rect>` after the page's own.
    static func rects(_ svg: String) -> [Rect] {
        svg.components(separatedBy: "<rect ").dropFirst().compactMap { chunk in
            let open = " " + String(chunk[..<chunk.firstIndex(of: ">")!])
            guard let x = attribute("x", in: open).flatMap(Double.init), let y = attribute("y", in: open).flatMap(Double.init)
            else { return nil }  // the page: no x, y
            return Rect(x: x, y: y, width: Double(attribute("width", in: open)!)!, height: Double(attribute("height", in: open)!)!)
        }
    }

    /// Pairs of texts whose boxes overlap, in the still picture and in each frame over it.
    var overlaps: [(String, String)] {
        let sets = frames.isEmpty ? [stillTexts] : frames.map { stillTexts + $0.texts }
        var found: [(String, String)] = []
        for texts in sets {
            for i in texts.indices {
                for j in texts.indices where j > i && texts[i].box.overlaps(texts[j].box) {
                    found.append((texts[i].content, texts[j].content))
                }
            }
        }
        return found
    }

    /// The size in pixels of the smallest text when the page is shown on a 1920×1080 screen.
    var smallestTextOnScreen: Double {
        let scale = min(1920 / width, 1080 / height)
        let smallest = (stillTexts + frames.flatMap(\.texts)).map(\.size).min() ?? .infinity
        return smallest * scale
    }
}
