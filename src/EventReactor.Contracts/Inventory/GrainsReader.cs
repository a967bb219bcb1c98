using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EventReactor.Contracts.Inventory;

/// <summary>
/// Reads the <see cref="Grains"/> of a <c>minion/&lt;id&gt;/inventory</c> event, or grains stored from one, in the payload
/// records' JSON form (<see cref="EventData.Options"/>).
/// </summary>
public static class GrainsReader
{
    // Another publisher may send only some sections; those it leaves out read as null (whatever their declared type) instead
    // of failing the whole object, so consumers keep every section that is there.
    private static readonly JsonSerializerOptions Options = Lenient();

    /// <summary>
    /// The grains, or null when <paramref name="grains"/> is not a JSON object of their shape. A section the object leaves
    /// out reads as null, so a consumer reads every section with <c>?.</c>.
    /// </summary>
    public static Grains? Read(JsonElement? grains)
    {
        if (grains is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        try
        {
            return root.Deserialize<Grains>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions Lenient()
    {
        var options = new JsonSerializerOptions(EventData.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void NothingRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }
}
