/** Password rules: at least 8 characters, three of four character classes, not the username. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push("密码至少 8 位");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("密码须包含大写字母、小写字母、数字、符号中的至少三类");
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push("密码不能包含用户名");
  return problems;
}
