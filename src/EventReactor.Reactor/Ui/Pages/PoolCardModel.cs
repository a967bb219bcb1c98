using EventReactor.Contracts.Api;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Ui.Shared;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>One pool's card: the pool, the form's antiforgery field, and what the last scale request said.</summary>
public sealed record PoolCardModel(PoolView Pool, Csrf Csrf, string? Message, bool MessageIsError);
