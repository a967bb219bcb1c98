using EventReactor.Contracts;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>
/// A journaled event whose live reactions fired events: its chained events are still to come in the journal. Holds the
/// events the candidate would fire from it, each waiting for the live event with the same tag to be compared with.
/// </summary>
internal sealed class PendingChain(string eventId, DateTimeOffset at, string via, List<EventEnvelope> candidateEvents)
{
    public string EventId { get; } = eventId;

    public DateTimeOffset At { get; } = at;

    /// <summary>The tags from the root of the chain down to this event, for examples on events only the candidate fires.</summary>
    public string Via { get; } = via;

    public List<EventEnvelope> CandidateEvents { get; } = candidateEvents;

    /// <summary>The candidate's event with the tag of a live one, taken out; null when the candidate fires none like it.</summary>
    public EventEnvelope? TakeCounterpart(string tag)
    {
        var index = CandidateEvents.FindIndex(e => e.Tag == tag);
        if (index < 0)
        {
            return null;
        }

        var found = CandidateEvents[index];
        CandidateEvents.RemoveAt(index);
        return found;
    }
}
