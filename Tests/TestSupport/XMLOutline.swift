import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parser reads in a document: whether it is well-formed, and every element in document order
/// with its attributes and its text. Pages derive writes as XHTML-compatible HTML are read this way.
public struct XMLOutline {
    /// One element.
    public struct Element {
        /// The element's name, such as `math`.
        public let name: String
        /// Its attributes.
        public let attributes: [String: String]
        /// The names of the elements it is inside, outermost first.
        public let ancestors: [String]
        /// The number of elements directly inside it.
        public fileprivate(set) var childCount = 0
    }

    /// The elements in document order.
    public private(set) var elements: [Element] = []
    /// The parser's error, or `nil` when the document is well-formed.
    public private(set) var error: String?

    /// The outline of `text`.
    public init(_ text: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        if !parser.parse() {
            error = parser.parserError.map { "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)" } ?? "not well-formed"
        }
        elements = reader.elements
    }

    /// The elements named `name`.
    public func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [String] = []
        /// The indices in `elements` of the open elements.
        var openIndices: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if let parent = openIndices.last { elements[parent].childCount += 1 }
            elements.append(Element(name: name, attributes: attributes, ancestors: open))
            open.append(name)
            openIndices.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
            openIndices.removeLast()
        }
    }
}
