using System.Text.Json;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// The lane of a stored event read straight from its JSON (<see cref="OutboxDrainer.LaneKey"/> without parsing the
/// whole event): a container event's <c>data.id</c>, else the empty lane that the minion's other events share.
/// </summary>
internal static class OutboxLane
{
    public static string Of(OutboxEntry entry)
    {
        if (!MinionTags.Is(entry.Tag, MinionEventKind.ContainerEvent))
        {
            return string.Empty;
        }

        var reader = new Utf8JsonReader(entry.Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return string.Empty;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
            {
                return IdOf(ref reader);
            }

            reader.Skip();
        }

        return string.Empty;
    }

    // Inside data: its top-level "id", when it is a string.
    private static string IdOf(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
            }

            reader.Skip();
        }

        return string.Empty;
    }
}
