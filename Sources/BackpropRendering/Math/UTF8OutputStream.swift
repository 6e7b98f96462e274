/// A text output stream that also takes UTF-8 bytes as they are.
///
/// Handouts are written in pieces of UTF-8 bytes; a stream that is itself a buffer of bytes, such as a file,
/// takes them without their being made into a `String` and read back, which costs about as much again as
/// writing them. Every other stream receives strings.
public protocol UTF8OutputStream: TextOutputStream {
    /// Appends `bytes`, which are valid UTF-8.
    mutating func write(utf8 bytes: UnsafeRawBufferPointer)
}

extension UTF8OutputStream {
    /// Writes `bytes` to the stream of this type at `stream`: what a text writes through when it knows only
    /// that its output's type is one of these.
    static func write(_ bytes: UnsafeRawBufferPointer, to stream: UnsafeMutableRawPointer) {
        stream.assumingMemoryBound(to: Self.self).pointee.write(utf8: bytes)
    }
}
