// Prints the scrypt hash of a password for config/users.json, at the current parameters; refuses a password shorter
// than 12 characters or on the list of common ones (weak-passwords.ts), saying why in English and Spanish:
//   npm run hash-password            (asks for the password without echoing it)
//   printf '%s' "$PASSWORD" | npm run -s hash-password
import { stdin, stdout, stderr } from 'node:process';
import { hashPassword } from './password.js';
import { passwordProblems } from './weak-passwords.js';

async function readPassword(): Promise<string> {
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  let password = '';
  for await (const chunk of stdin) {
    for (const character of (chunk as Buffer).toString('utf8')) {
      if (character === '\u0003') process.exit(130);
      if (character === '\r' || character === '\n') {
        stdin.setRawMode(false);
        stderr.write('\n');
        return password;
      }
      password = character === '\u007f' ? password.slice(0, -1) : password + character;
    }
  }
  return password;
}

const password = await readPassword();
if (password.length === 0) {
  stderr.write('No password given / No se dio ninguna contraseña\n');
  process.exit(1);
}
const problems = passwordProblems(password);
if (problems.length > 0) {
  stderr.write(`Refused: ${problems.map((problem) => problem.message.en).join('; ')}.\n`);
  stderr.write(`Rechazada: ${problems.map((problem) => problem.message.es).join('; ')}.\n`);
  process.exit(1);
}
stdout.write(`${await hashPassword(password)}\n`);
process.exit(0);
