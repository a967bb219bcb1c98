using Microsoft.AspNetCore.Builder;

namespace EventReactor.Reactor.Security;

/// <summary>How an endpoint, or a group of them, says what it needs; an endpoint that says nothing is refused to every token.</summary>
internal static class ScopeEndpointExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScopeMetadata(scope));

    public static TBuilder AllowWithoutToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenEndpointMetadata());
}
