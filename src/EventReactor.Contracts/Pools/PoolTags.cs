namespace EventReactor.Contracts.Pools;

/// <summary>The tags of pools: <c>pool/&lt;name&gt;/join|leave|provisioning|provisioning/failed</c>, and <c>reactor/pools/invalid</c>.</summary>
public static class PoolTags
{
    public const string Invalid = "reactor/pools/invalid";

    public static string Membership(string pool, PoolMembershipChange change) =>
        change == PoolMembershipChange.Join ? $"pool/{pool}/join" : $"pool/{pool}/leave";

    public static string Provisioning(string pool) => $"pool/{pool}/provisioning";

    public static string ProvisioningFailed(string pool) => $"pool/{pool}/provisioning/failed";
}
