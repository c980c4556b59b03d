from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Accounts exist only by invitation from the secretariat: nobody signs up."""

    def is_open_for_signup(self, request):
        return False
