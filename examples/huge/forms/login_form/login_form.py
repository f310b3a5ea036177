"""The login form component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class LoginForm:
    """Email and password sign-in, with an error slot and optional single sign-on."""

    action: str = "/login"
    email: str = ""
    error: str | None = None
    remember: bool = True
    sso_providers: tuple[str, ...] = ()

    def __call__(self):
        """Render the login form."""
        error = t'<p class="form-error" role="alert">{self.error}</p>' if self.error else ""
        sso = [
            t'<a class="sso" href="/auth/{provider.lower()}">Continue with {provider}</a>'
            for provider in self.sso_providers
        ]
        return html(t"""
            <form class="login" method="post" action={self.action}>
              {error}
              <label>Email
                <input type="email" name="email" value={self.email} autocomplete="username" />
              </label>
              <label>Password
                <input type="password" name="password" autocomplete="current-password" />
              </label>
              <label>
                <input type="checkbox" name="remember" checked={self.remember} /> Remember me
              </label>
              <button type="submit">Sign in</button>
              {sso}
            </form>
        """)
