using EventReactor.Contracts;

namespace EventReactor.Minion.Trust;

/// <summary>Decides whether a signed command may run on this minion; an interface so that tests can show the attack suite catches a verifier that lets everything through.</summary>
internal interface ICommandVerifier
{
    CommandVerdict Verify(SignedMinionCommand signed);
}
