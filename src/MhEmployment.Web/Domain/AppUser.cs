using Microsoft.AspNetCore.Identity;

namespace MhEmployment.Web.Domain;

/// <summary>A person who signs in. The email is the user name.</summary>
public class AppUser : IdentityUser
{
    /// <summary>Set for a password someone else chose (first run, created or reset by an Admin).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When an Admin disabled the account; null while it is active.</summary>
    public DateTime? DisabledUtc { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }
}
