/** Small persistent settings of the app (the last workspace), in userData/settings.json. */
import fs from 'node:fs'
import path from 'node:path'

export interface Settings {
  lastWorkspace?: string
}

export function loadSettings(dir: string): Settings {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Settings
  } catch {
    return {} // first start, or an unreadable file: start from defaults
  }
}

export function saveSettings(dir: string, s: Settings): void {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(s, null, 2))
}
