"""Staff logins: a second factor for those who read inquiries, and how long staff
sessions last (docs/deploy.md, "Staff logins").

- `policy.py`: who must give a sign-in code;
- `second_factor.py`: the middleware that keeps them from every page until they have;
- `views.py`: setting up the authenticator app, and giving its code after the password;
- `sessions.py`: a working day for every staff session, 30 minutes idle for those who
  read inquiries.
"""
