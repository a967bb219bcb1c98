using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.Minion.Outbox;

/// <summary>One stored event, with its place in the outbox's order, as the CloudEvents JSON it was stored as.</summary>
internal sealed record OutboxEntry(long Sequence, string Id, string Tag, byte[] Json)
{
    /// <summary>The event read back (parses the JSON; the batch path publishes <see cref="Json"/> as it is).</summary>
    public EventEnvelope Envelope => CloudEventJson.Deserialize(Json);

    public SerializedEvent ToSerialized() => new(Id, Tag, Json);
}
