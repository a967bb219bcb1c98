namespace EventReactor.Minion.Trust;

/// <summary>Why a minion refused a command instead of running it.</summary>
internal enum CommandRefusal
{
    /// <summary>No signature.</summary>
    Unsigned,

    /// <summary>No reactor key pinned yet: the minion is not accepted, so no command can be trusted.</summary>
    NotEnrolled,

    /// <summary>The signature is not the pinned reactor key's over these bytes: forged or tampered.</summary>
    BadSignature,

    /// <summary>Signed, but the payload is not a command.</summary>
    Malformed,

    /// <summary>Signed for another minion.</summary>
    OtherTarget,

    /// <summary>Issued further in the future than the allowed clock skew.</summary>
    FromTheFuture,

    /// <summary>Valid for longer than a command may be (60 s).</summary>
    LifetimeTooLong,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Its nonce was seen before.</summary>
    Replayed,
}
