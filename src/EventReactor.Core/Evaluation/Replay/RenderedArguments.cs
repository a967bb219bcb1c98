using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>
/// Whether a candidate's rendered arguments equal the live ones the audit recorded. Most are equal, so they are first
/// compared as written JSON, byte for byte, in a buffer reused by the thread; only when the bytes differ are they
/// parsed and compared as JSON values, which is the answer.
/// </summary>
internal static class RenderedArguments
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static bool Same(JsonElement? before, IReadOnlyDictionary<string, object?>? after)
    {
        if (before is not { } live || after is null)
        {
            return before is null && after is null;
        }

        var buffer = _buffer ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        CelValues.Write(writer, after);
        writer.Flush();
        return JsonMarshal.GetRawUtf8Value(live).SequenceEqual(buffer.WrittenSpan)
            || JsonElement.DeepEquals(live, JsonElement.Parse(buffer.WrittenSpan));
    }
}
