/** What a single-use account token (e-mailed as a link) is for. */
export type AccountTokenPurpose = 'password_reset' | 'email_verification';
