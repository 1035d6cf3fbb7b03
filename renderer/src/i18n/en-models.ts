// The Models view, in English: spread into en.ts, so its keys are part of
// `MessageKey` like any other.
export const enModels = {
  'models.inventory.title': 'Models on this machine',
  'models.inventory.count': '{count} models',
  'models.inventory.countOne': '1 model',
  'models.inventory.loading': 'Reading the inventory…',
  'models.inventory.loadFailed': 'Airlock could not read the model inventory',
  'models.inventory.retry': 'Try again',
  'models.empty.title': 'No models yet',
  'models.empty.body':
    'Import a GGUF file with the SHA-256 its publisher gives, or add the offline demo model from the Chat view.',
  'models.empty.kid': 'No models yet. Ask a parent to add one.',

  'models.fact.source': 'Source',
  'models.fact.imported': 'Imported',
  'models.fact.sha256': 'SHA-256',
  'models.fact.size': 'Size',
  'models.fact.format': 'Format',
  'models.fact.architecture': 'Architecture',
  'models.fact.parameters': 'Parameters',
  'models.fact.quantization': 'Quantization',
  'models.fact.context': 'Context length',
  'models.fact.scan': 'Safety check',
  'models.fact.unknown': 'Not stated',

  'models.source.file': 'From the file {label}',
  'models.source.url': 'Downloaded from {label}',
  'models.source.demo': "Airlock's offline demo model",
  'models.source.found': 'Found in the model folder as {label}',
  'models.imported': '{when}, by {who}',
  'models.by.airlock': 'Airlock',
  'models.by.admin': 'a parent',
  'models.by.adult': 'an adult',
  'models.by.teen': 'a teen',
  'models.by.kid': 'a child',
  'models.format.gguf': 'GGUF',
  'models.format.safetensors': 'safetensors (for conversion, not served)',
  'models.tokens': '{count} tokens',

  'models.scan.passed': 'Passed',
  'models.scan.quarantined': 'Quarantined',
  'models.scan.gguf':
    'The file is a structurally valid GGUF: every size and offset checked before any model code reads it.',
  'models.scan.safetensors': 'The file is valid safetensors: its header and offsets were checked.',
  'models.scan.templateSafe': 'Its chat template holds no code that could take over a chat program.',
  'models.scan.templateNone': 'It has no chat template to check.',
  'models.scan.templateFlagged': 'Its chat template holds code ({findings}), so it is kept out of use.',

  'models.sha.copy': 'Copy the SHA-256 of {name}',
  'models.sha.copied': 'SHA-256 copied.',
  'models.sha.copyFailed':
    'The browser did not allow copying. Select the full value below the button instead.',
  'models.sha.full': 'Full SHA-256',

  'models.delete': 'Delete',
  'models.delete.label': 'Delete {name}',
  'models.delete.title': 'Delete {name}?',
  'models.delete.body':
    'The model file ({size}) is removed from this machine and from the inventory. Chats can no longer use it; to have it again, import it again.',
  'models.delete.confirm': 'Delete {name}',
  'models.delete.cancel': 'Keep it',
  'models.delete.failed': 'Airlock could not delete {name}',
  'models.deleted': '{name} was deleted.',

  'models.import.title': 'Import a model',
  'models.import.lead':
    'Airlock copies the file while computing its SHA-256, and keeps it only if that matches the one the publisher gives and the file passes the safety check. GGUF files are served; Python pickles and archives are always refused.',
  'models.import.from': 'Import from',
  'models.import.fromFile': 'A file on this machine',
  'models.import.fromUrl': 'A web address',
  'models.import.path': 'Model file',
  'models.import.pathHint': 'The full path of a .gguf file on the machine where Airlock runs.',
  'models.import.url': 'Address',
  'models.import.urlHint': 'An https address of the model file, such as a Hugging Face "resolve" link.',
  'models.import.sha256': 'SHA-256 from the publisher',
  'models.import.sha256Hint':
    '64 hexadecimal digits, as shown next to the file on the model page (for example "SHA256" on Hugging Face).',
  'models.import.name': 'Name (optional)',
  'models.import.nameHint': 'What chats call it. Without one, the file name is used.',
  'models.import.action': 'Import',
  'models.import.cancel': 'Cancel import',
  'models.import.phase.hashing': 'Copying and checking {source}',
  'models.import.phase.downloading': 'Downloading {source}',
  'models.import.phase.scanning': 'Checking the structure of {source}',
  'models.import.bytes': '{current} of {total}',
  'models.import.bytesOnly': '{current} so far',
  'models.import.done': 'Imported {name}. It is in the list and chats can use it now.',
  'models.import.failed': 'Airlock did not import {source}',
  'models.import.pathRequired': 'Enter the full path of the model file.',
  'models.import.pathRelative':
    'Enter the full path, starting at the root (for example /home/you/model.gguf).',
  'models.import.urlRequired': 'Enter the address of the model file.',
  'models.import.urlInvalid': 'Enter an address that starts with https://.',
  'models.import.shaRequired': 'Enter the SHA-256 the publisher gives for this file.',
  'models.import.shaInvalid': 'A SHA-256 is 64 characters, each 0–9 or a–f. Check that it was copied whole.',
  'models.import.nameInvalid':
    'Use letters, digits, dots, dashes and underscores, starting with a letter or digit (at most 100).',
  'models.kidNote': 'Only a parent can add or remove models.',

  'models.check.action': 'Check files now',
  'models.check.running': 'Checking files…',
  'models.check.allOk': 'Every model file matches the SHA-256 it had when it was imported.',
  'models.check.flaggedOne': '1 model file changed or went missing. It is marked below and no longer used.',
  'models.check.flagged':
    '{count} model files changed or went missing. They are marked below and no longer used.',
  'models.check.failed': 'Airlock could not check the model files',
  'models.integrity.title': 'Changed on disk',
  'models.integrity.titleMissing': 'Gone from disk',
  'models.integrity.changed':
    'This file changed on disk since it was imported. Airlock will not load it until you import it again or delete it.',
  'models.integrity.changedSandbox':
    'The copy of this file in the sandbox changed since it was imported, so Airlock removed it from there. The sandbox will not load this model until you import it again or delete it.',
  'models.integrity.missing':
    'This file is no longer on disk. Airlock will not load it until you import it again or delete it.',
  'models.integrity.found': 'SHA-256 found now: {sha256}',
} as const;
