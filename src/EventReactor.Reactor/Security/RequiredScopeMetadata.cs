namespace EventReactor.Reactor.Security;

/// <summary>Endpoint metadata: the scope a token needs to call this endpoint.</summary>
internal sealed record RequiredScopeMetadata(ApiScope Scope);
