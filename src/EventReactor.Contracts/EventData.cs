using System.Text.Json;

namespace EventReactor.Contracts;

/// <summary>
/// The one JSON form of the payload records in this assembly (camelCase, nulls written unless a record says otherwise), so that
/// producers write and consumers read <see cref="EventEnvelope.Data"/> the same way.
/// </summary>
public static class EventData
{
    /// <summary>The options every payload record is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = ReadOnly(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    // Shared by every producer and consumer: nobody may change it after the fact.
    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The payload as the JSON object an envelope carries.</summary>
    public static JsonElement ToElement<T>(T data) where T : class => JsonSerializer.SerializeToElement(data, Options);

    /// <summary>The payload read as <typeparamref name="T"/>; null when it is not a JSON object of that shape (another publisher's event on the same tag).</summary>
    public static T? Read<T>(JsonElement data) where T : class
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return data.Deserialize<T>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
