using System.Text.Json;

namespace EventReactor.Contracts.Tests.Samples;

/// <summary>
/// A recorded payload from <c>Samples/*.json</c>, in one canonical text (compact, property order and number text as
/// recorded), so that it compares exactly with what a producer writes. Linked into the minion and reactor tests.
/// </summary>
internal static class RecordedSample
{
    public static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name + ".json"))).RootElement.Clone();

    public static string Text(string name) => Canonical(Load(name));

    /// <summary>Compact JSON with the element's own property order and number text.</summary>
    public static string Canonical(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
