using EventReactor.Contracts;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Broker;

/// <summary>Whether an event that speaks for a minion was published by that minion's own broker user; the one identity check, so tests can show what its absence lets through.</summary>
internal interface IEventIdentityCheck
{
    /// <summary>Why the event may not speak for a minion it names (starting <c>identity:</c>), or null when it may.</summary>
    string? RejectedReason(EventEnvelope envelope, EventSender sender);
}
