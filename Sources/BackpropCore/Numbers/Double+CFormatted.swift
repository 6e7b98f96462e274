#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

package extension Double {
    /// The double as the C library's `printf` writes it with `format`, a conversion of one double such as
    /// `%.3g` or `%.1f`: C's exact, correctly rounded decimal of the binary value, without Foundation.
    ///
    /// The buffer holds the longest such text, a `%f` of the largest double (309 digits) with a
    /// precision of at most 17.
    func cFormatted(_ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        let written = withVaList([self]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        guard written >= 0 else { return description }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
