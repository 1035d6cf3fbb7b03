// The Security view's runtime image panel, in English: spread into en.ts, so
// its keys are part of `MessageKey` like any other.
export const enImages = {
  'security.image.title': 'Runtime image',
  'security.image.lead':
    'The container image the model runtime runs from. Download another, or load one from a file on a machine without internet.',
  'security.image.running': 'In force',
  'security.image.runningId': 'Its image id',
  'security.image.notRunning': 'No sandbox runs now',
  'security.image.saved': 'Switches use',
  'security.image.default': 'Default, pinned',
  'security.image.pull.title': 'Download an image',
  'security.image.pull.field': 'Image name',
  'security.image.pull.hint':
    'As Docker spells it, for example ollama/ollama:0.20.2; add @sha256: and its digest to pin it.',
  'security.image.pull.action': 'Download image',
  'security.image.pull.progress': 'Downloading {image}',
  'security.image.pull.bytes': '{current} of {total}',
  'security.image.pull.waiting': 'Asking the registry for the image…',
  'security.image.pull.layers': 'Layers ({count})',
  'security.image.pull.layer': '{current} of {total}',
  'security.image.pull.layerUnsized': 'Size not known yet, or already on this machine',
  'security.image.pull.done': 'Downloaded {image}.',
  'security.image.pull.failed': 'Airlock could not download {image}',
  'security.image.imageId': 'Image id',
  'security.image.load.title': 'Load from a file',
  'security.image.load.field': 'Image file',
  'security.image.load.hint':
    'The full path of a .tar file made with docker save, on the machine where Airlock runs.',
  'security.image.load.action': 'Load image',
  'security.image.load.running': 'Loading the image file…',
  'security.image.load.done': 'Loaded from {path}:',
  'security.image.load.failed': 'Airlock could not load that file',
  'security.image.load.untagged':
    'No name in the file, so it cannot be chosen here. Tag it, then save it again.',
  'security.image.use': 'Use this image',
  'security.image.chosen': 'Chosen for the next Apply.',
  'security.image.next': 'The next Apply uses the runtime image {image}.',
  'security.image.nextHint':
    'Nothing changes until you apply a level: the running sandbox keeps its image, and a switch that fails keeps it too.',
  'security.image.nextClear': 'Keep the current image',
  'security.image.nameRequired': 'Enter an image name.',
  'security.image.nameInvalid':
    'Enter an image name such as ollama/ollama:0.20.2: lower-case letters, digits, dots, dashes and slashes, then an optional :tag and @sha256: digest. No spaces.',
  'security.image.pathRequired': 'Enter the path of a .tar file.',
  'security.image.pathTooLong': 'That path is too long: 4096 characters at most.',
  'security.image.pathNotTar': 'Enter the path of a .tar file, the format docker save writes.',
} as const;
