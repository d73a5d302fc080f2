// The widget demo page (embed.html): lists the events the widgets send to the page, as a
// host page would listen to them.

const log = document.getElementById('log')

/** @param {string} text */
function line(text) {
  const li = document.createElement('li')
  li.textContent = text
  log.prepend(li)
  while (log.children.length > 30) log.lastElementChild.remove()
}

document.addEventListener('partnerscore:result', (e) => {
  const areas = e.detail.programs.flatMap((p) => p.areas)
  const shown = (e.target.areas.length ? areas.filter((a) => e.target.areas.includes(a.id)) : areas)
    .map((a) => `${a.id} ${Math.round(a.score * 10) / 10}${a.qualified ? ' ✓' : ''}`)
  line(`${e.target.id}: partnerscore:result: ${shown.join(', ')}`)
})

document.addEventListener('partnerscore:error', (e) => {
  line(`${e.target.id}: partnerscore:error (${e.detail.stage}): ${e.detail.errors.map((x) => `${x.path} ${x.message}`).join('; ')}`)
})
